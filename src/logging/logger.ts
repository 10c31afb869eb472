/**
 * The app's logger: winston with tcex's levels, key=value event lines redacted after formatting, written
 * to `<logPath>/<logFile>` with tcex's rotation (10 MiB, 25 gzipped backups), optionally also to stderr.
 */
import path from 'node:path';
import winston from 'winston';
import type TransportStream from 'winston-transport';
import type { Log, LogFields, LogLevel } from './log';
import { formatLine, LOG_LEVELS } from './log-line';
import { RotatingFileTransport } from './rotating-file-transport';
import { SecretRegistry } from './secrets';

/** tcex's defaults for `tc_log_file`, `tc_log_max_bytes` and `tc_log_backup_count`. */
export const DEFAULT_LOG_FILE = 'app.log';
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_BACKUP_COUNT = 25;

export interface LoggerOptions {
  /** Directory of the log file (`tc_log_path`); created when missing. */
  readonly logPath: string;
  /** File name (`tc_log_file`), `app.log` by default. */
  readonly logFile?: string;
  /** Lowest level written (`tc_log_level`), `info` by default. */
  readonly level?: LogLevel;
  /** Every line is redacted with this registry when it is written, so late registrations count. */
  readonly secrets: SecretRegistry;
  readonly maxBytes?: number;
  readonly backupCount?: number;
  /** Also write every line to stderr (the CLI's --verbose). */
  readonly console?: boolean;
}

// the event's fields ride under a private symbol so that a field named `level` or `message` cannot
// collide with winston's own properties
const FIELDS = Symbol('fields');
const MESSAGE = Symbol.for('message');

function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && Object.hasOwn(LOG_LEVELS, value);
}

function lineFormat(secrets: SecretRegistry): winston.Logform.Format {
  return winston.format((info) => {
    const level = isLogLevel(info.level) ? info.level : 'info';
    const fields = (info as Record<symbol, unknown>)[FIELDS] as LogFields | undefined;
    (info as Record<symbol, unknown>)[MESSAGE] = formatLine(level, String(info.message), fields, secrets);
    return info;
  })();
}

/**
 * Creates the file logger; throws AppError when the log file cannot be created or opened.
 * `close()` resolves once every line is on disk, and lines logged after it are dropped.
 */
export function createLogger(options: LoggerOptions): Log {
  const file = new RotatingFileTransport({
    filePath: path.join(options.logPath, options.logFile ?? DEFAULT_LOG_FILE),
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    backupCount: options.backupCount ?? DEFAULT_BACKUP_COUNT,
  });
  const transports: TransportStream[] = [file];
  if (options.console === true) {
    // a plain stream transport: winston's Console writes through console internals that tests replace
    transports.push(new winston.transports.Stream({ stream: process.stderr, eol: '\n' }));
  }
  const logger = winston.createLogger({
    levels: LOG_LEVELS,
    level: options.level ?? 'info',
    format: lineFormat(options.secrets),
    transports,
    exitOnError: false,
  });
  // an unlistened 'error' event would throw; the file transport already reports its own failures
  logger.on('error', () => undefined);

  let closing: Promise<void> | undefined;
  const write = (level: LogLevel, event: string, fields?: LogFields): void => {
    if (closing !== undefined || !logger.isLevelEnabled(level)) return;
    logger.log({ level, message: event, [FIELDS]: fields });
  };
  return {
    ...levelMethods(write),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        file.once('finish', () => resolve());
        logger.end();
      });
      return closing;
    },
  };
}

/** A Log that keeps its lines in memory, for tests of other modules. */
export interface MemoryLog extends Log {
  readonly lines: string[];
}

export interface MemoryLogOptions {
  /** Redact lines with this registry, as the file logger does. */
  readonly secrets?: SecretRegistry;
  /** Lowest level kept, `trace` (everything) by default. */
  readonly level?: LogLevel;
}

/** Creates a Log that formats (and, given a registry, redacts) lines exactly like the file logger. */
export function createMemoryLog(options: MemoryLogOptions | SecretRegistry = {}): MemoryLog {
  const { secrets, level: minimum = 'trace' } =
    options instanceof SecretRegistry ? { secrets: options, level: undefined } : options;
  const lines: string[] = [];
  const write = (level: LogLevel, event: string, fields?: LogFields): void => {
    if (LOG_LEVELS[level] > LOG_LEVELS[minimum]) return;
    lines.push(formatLine(level, event, fields, secrets));
  };
  return { ...levelMethods(write), lines, close: () => Promise.resolve() };
}

type Write = (level: LogLevel, event: string, fields?: LogFields) => void;

function levelMethods(write: Write): Omit<Log, 'close'> {
  return {
    trace: (event, fields) => write('trace', event, fields),
    debug: (event, fields) => write('debug', event, fields),
    info: (event, fields) => write('info', event, fields),
    warning: (event, fields) => write('warning', event, fields),
    error: (event, fields) => write('error', event, fields),
    critical: (event, fields) => write('critical', event, fields),
  };
}
