import { IpqsInvalidInputError, IpqsRateLimitedError, IpqsServerError } from '../../src/ipqs/errors';
import {
  backoffDelayMs,
  parseRetryAfter,
  RETRY_AFTER_CAP_MS,
  RETRY_CAP_MS,
  withRetries,
} from '../../src/ipqs/retry';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

/** A sleep that returns at once and writes down how long it was asked to wait. */
function recordInto(sleeps: number[]): (ms: number) => Promise<void> {
  return (ms) => {
    sleeps.push(ms);
    return Promise.resolve();
  };
}

describe('backoffDelayMs', () => {
  it.each([
    [1, 1, 250],
    [2, 1, 500],
    [3, 1, 1000],
    [6, 1, 8000],
    [7, 1, RETRY_CAP_MS],
    [30, 1, RETRY_CAP_MS],
    [3, 0.5, 500],
    [3, 0, 0],
  ])('waits random * min(8 s, 250 ms * 2^(n-1)) before retry %i (random %d): %i ms', (retry, random, ms) => {
    // random() is in [0, 1): 1 stands in for "just below 1", the ceiling of the jitter window
    expect(backoffDelayMs(retry, () => random)).toBe(ms);
  });
});

describe('parseRetryAfter', () => {
  it.each<[string, unknown, number | undefined]>([
    ['delta seconds', '3', 3000],
    ['fractional seconds', '1.5', 1500],
    ['a number', 2, 2000],
    ['zero', '0', 0],
    ['an HTTP date 30 s ahead', new Date(NOW + 30_000).toUTCString(), 30_000],
    ['an HTTP date in the past', new Date(NOW - 30_000).toUTCString(), 0],
    ['an hour', '3600', RETRY_AFTER_CAP_MS],
    ['a list (first value)', ['4', '9'], 4000],
    ['absent', undefined, undefined],
    ['blank', '  ', undefined],
    ['garbage', 'soon', undefined],
    ['negative', '-5', undefined],
  ])('reads %s (%j) as %s ms', (_label, header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });
});

describe('withRetries', () => {
  const rateLimited = (retryAfterMs?: number) =>
    new IpqsRateLimitedError('rate limited', {
      lookup: 'ip',
      status: 429,
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    });

  it('retries a retryable error up to maxRetries times, then throws the last error', async () => {
    const sleeps: number[] = [];
    const errors = [1, 2, 3, 4].map(() => new IpqsServerError('server error', { lookup: 'ip', status: 503 }));
    const attempts: number[] = [];

    const outcome = withRetries(
      (attempt) => {
        attempts.push(attempt);
        return Promise.reject(errors[attempt - 1]!);
      },
      { maxRetries: 2, sleep: recordInto(sleeps), random: () => 0.5 },
    );

    await expect(outcome).rejects.toBe(errors[2]);
    expect(attempts).toStrictEqual([1, 2, 3]);
    expect(sleeps).toStrictEqual([125, 250]);
  });

  it('returns the first success and its value', async () => {
    let calls = 0;
    const value = await withRetries(
      () => (++calls < 2 ? Promise.reject(rateLimited()) : Promise.resolve('done')),
      { maxRetries: 5, sleep: () => Promise.resolve(), random: () => 0 },
    );
    expect(value).toBe('done');
    expect(calls).toBe(2);
  });

  it.each([
    ['a non-retryable IPQS error', new IpqsInvalidInputError('invalid input', { lookup: 'ip' })],
    ['a plain Error', new Error('bug')],
  ])('does not retry %s', async (_label, error) => {
    let calls = 0;
    const sleep = jest.fn(() => Promise.resolve());
    await expect(withRetries(() => (++calls, Promise.reject(error)), { maxRetries: 3, sleep })).rejects.toBe(
      error,
    );
    expect(calls).toBe(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('waits the Retry-After time instead of the backoff, capped at 60 s', async () => {
    const sleeps: number[] = [];
    const errors = [rateLimited(7000), rateLimited(600_000)];
    let calls = 0;
    await withRetries(() => (calls < 2 ? Promise.reject(errors[calls++]!) : Promise.resolve(calls)), {
      maxRetries: 3,
      sleep: recordInto(sleeps),
      random: () => 0.5,
    });
    expect(sleeps).toStrictEqual([7000, RETRY_AFTER_CAP_MS]);
  });

  it('reports each retry to onRetry before waiting', async () => {
    const events: unknown[] = [];
    const error = rateLimited(1000);
    await expect(
      withRetries(() => Promise.reject(error), {
        maxRetries: 1,
        sleep: () => Promise.resolve(),
        onRetry: (event) => events.push(event),
      }),
    ).rejects.toBe(error);
    expect(events).toStrictEqual([{ attempt: 1, delayMs: 1000, error }]);
  });

  it('never retries with maxRetries 0', async () => {
    let calls = 0;
    await expect(
      withRetries(() => (++calls, Promise.reject(rateLimited())), {
        maxRetries: 0,
        sleep: () => Promise.resolve(),
      }),
    ).rejects.toBeInstanceOf(IpqsRateLimitedError);
    expect(calls).toBe(1);
  });
});
