/**
 * Renders one log event as one tcex-like line:
 * `2026-11-29T12:00:00.000Z - ipqs-tc - INFO - event=ipqs-request type=ip status=200`.
 */
import type { LogFields, LogLevel } from './log';
import type { SecretRegistry } from './secrets';

/** The logger name shown in every line (tcex shows `tcex`). */
export const LOGGER_NAME = 'ipqs-tc';

/** winston priorities: lower is more severe, so `level: 'warning'` keeps warning, error and critical. */
export const LOG_LEVELS: Readonly<Record<LogLevel, number>> = {
  critical: 0,
  error: 1,
  warning: 2,
  info: 3,
  debug: 4,
  trace: 5,
};

// bare values stay readable; anything a key=value reader could split or misread is JSON-quoted
const NEEDS_QUOTES = /[\s"'=\\\p{Cc}]|^$/u;
// JSON.stringify leaves these alone, yet some readers split lines on them
const LINE_BREAKS = /[\r\n\u2028\u2029\u0085]/g;
const BREAK_ESCAPES: Readonly<Record<string, string>> = {
  '\r': '\\r',
  '\n': '\\n',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
  '\u0085': '\\u0085',
};

function quoteIfNeeded(text: string): string {
  return NEEDS_QUOTES.test(text) ? JSON.stringify(text) : text;
}

/** JSON of a nested value: errors as their message, bigints as digits, cycles cut. */
function toJson(value: unknown): string {
  const seen = new WeakSet<object>();
  const json = JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Error) return item.message;
    if (typeof item === 'bigint') return item.toString();
    if (typeof item === 'object' && item !== null) {
      if (seen.has(item)) return '[Circular]';
      seen.add(item);
    }
    return item;
  });
  // an object whose toJSON returns undefined has no JSON
  return json ?? 'undefined';
}

function renderValue(value: unknown, secrets: SecretRegistry | undefined): string {
  const redact = (text: string): string => (secrets ? secrets.redact(text) : text);
  if (value === null) return 'null';
  if (value instanceof Error) return quoteIfNeeded(redact(value.message));
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'invalid-date' : value.toISOString();
  switch (typeof value) {
    case 'string':
      // redacting before quoting also catches a secret that quoting would escape twice
      return quoteIfNeeded(redact(value));
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'object':
      return toJson(value);
    case 'symbol':
      return quoteIfNeeded(value.toString());
    case 'function':
      return quoteIfNeeded(`[function ${value.name || 'anonymous'}]`);
    default:
      return 'undefined';
  }
}

function renderKey(key: string): string {
  const clean = key.replace(/[\s"'=\p{Cc}]/gu, '_');
  return clean === '' ? '_' : clean;
}

/** The `event=... key=value ...` part of a line; undefined fields are left out. */
export function formatEvent(event: string, fields?: LogFields, secrets?: SecretRegistry): string {
  const parts = [`event=${renderValue(event, secrets)}`];
  for (const [key, value] of Object.entries(fields ?? {})) {
    if (value === undefined) continue;
    let rendered: string;
    try {
      rendered = renderValue(value, secrets);
    } catch {
      // a throwing getter or toJSON must not take the app down through its logger
      rendered = '[unrenderable]';
    }
    parts.push(`${renderKey(key)}=${rendered}`);
  }
  return parts.join(' ');
}

/**
 * The whole line, redacted AFTER formatting so that secrets registered late, or hidden in error messages
 * and nested objects, are masked too; line breaks are escaped so one event is always one line.
 */
export function formatLine(
  level: LogLevel,
  event: string,
  fields: LogFields | undefined,
  secrets: SecretRegistry | undefined,
  now: Date = new Date(),
): string {
  const line = `${now.toISOString()} - ${LOGGER_NAME} - ${level.toUpperCase()} - ${formatEvent(event, fields, secrets)}`;
  const redacted = secrets ? secrets.redact(line) : line;
  return redacted.replace(LINE_BREAKS, (char) => BREAK_ESCAPES[char] ?? ' ');
}
