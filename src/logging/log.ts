/**
 * The logger the rest of the app is handed (never imported as a global). Events are key=value lines:
 * `log.info('ipqs-request', { type: 'ip', status: 200, ms: 143 })` → `event=ipqs-request type=ip status=200 ms=143`.
 */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warning' | 'error' | 'critical';

export type LogFields = Readonly<Record<string, unknown>>;

export interface Log {
  trace(event: string, fields?: LogFields): void;
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warning(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  critical(event: string, fields?: LogFields): void;
  /** Resolves once every line written so far is on disk. */
  close(): Promise<void>;
}

/** A logger that drops everything (unit tests, library use). */
export const silentLog: Log = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  critical: () => undefined,
  close: () => Promise.resolve(),
};
