/**
 * Retries of IPQS lookups: exponential backoff with full jitter (AWS's "full jitter": a random delay
 * between 0 and min(cap, base * 2^n)), or the server's Retry-After when it sent one. Only errors marked
 * `retryable` are retried, at most `maxRetries` times.
 */
import { IpqsError } from './errors';

export const RETRY_BASE_MS = 250;
export const RETRY_CAP_MS = 8_000;
/** A longer Retry-After is cut to this: a run should not sit idle for an hour on one header. */
export const RETRY_AFTER_CAP_MS = 60_000;

/** How to wait and roll the dice (injected in tests, so no test ever waits). */
export interface RetryTiming {
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
}

/** One retry about to happen. */
export interface RetryEvent {
  readonly attempt: number;
  readonly delayMs: number;
  readonly error: IpqsError;
}

export interface RetryOptions extends Partial<RetryTiming> {
  readonly maxRetries: number;
  /** Called before each wait. */
  readonly onRetry?: (event: RetryEvent) => void;
}

/** Waits `ms` milliseconds. */
export const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The full-jitter delay before retry number `retry` (1 = the first retry). */
export function backoffDelayMs(retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/**
 * A Retry-After header in milliseconds: delta seconds (`"3"`) or an HTTP date, never negative, capped at
 * RETRY_AFTER_CAP_MS; undefined when absent or unreadable.
 */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
  const header = Array.isArray(value) ? (value[0] as unknown) : value;
  if (typeof header !== 'string' && typeof header !== 'number') return undefined;
  const text = String(header).trim();
  if (text === '') return undefined;
  let ms: number;
  if (/^-?\d+(\.\d+)?$/.test(text)) {
    // a negative delta is malformed (and Date.parse would read "-5" as a year)
    if (text.startsWith('-')) return undefined;
    ms = Number(text) * 1000;
  } else {
    const date = Date.parse(text);
    if (Number.isNaN(date)) return undefined;
    ms = date - now;
  }
  return Math.min(RETRY_AFTER_CAP_MS, Math.max(0, Math.ceil(ms)));
}

function retryAfterOf(error: IpqsError): number | undefined {
  const value = (error as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof value === 'number' ? Math.min(RETRY_AFTER_CAP_MS, value) : undefined;
}

/**
 * Runs `operation` (given the 1-based attempt number) until it succeeds, throws something that is not a
 * retryable IpqsError, or has failed `maxRetries + 1` times; the last error is thrown.
 */
export async function withRetries<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!(error instanceof IpqsError) || !error.retryable || attempt > options.maxRetries) throw error;
      const delayMs = retryAfterOf(error) ?? backoffDelayMs(attempt, random);
      options.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs);
    }
  }
}
