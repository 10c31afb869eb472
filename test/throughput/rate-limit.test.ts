import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { AppError } from '../../src/errors';
import { apiKeyHash } from '../../src/throughput/api-key-hash';
import {
  RATE_LIMIT_KEY_PREFIX,
  RateLimitAbortedError,
  createRateLimit,
  rateWindow,
} from '../../src/throughput/rate-limit';
import type { RateLimitOptions, RequestRateLimit } from '../../src/throughput/rate-limit';
import { recordingLog } from '../ipqs/ipqs-harness';
import { testRedis } from '../helpers/redis';

/** A key of this test's own, so its counters are shared with nobody else. */
const uniqueApiKey = (): string => `key-${randomUUID()}`;

/** A fake wall clock: `sleep` moves it forward instead of waiting, and records what was asked. */
function fakeClock(startMs: number): {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  sleeps: number[];
} {
  let clock = startMs;
  const sleeps: number[] = [];
  return {
    now: () => clock,
    sleep: (ms) => {
      sleeps.push(ms);
      clock += ms;
      return Promise.resolve();
    },
    sleeps,
  };
}

/** How many acquisitions each second saw, in time order. */
function countsPerSecond(secondsOfAcquisitions: readonly number[]): number[] {
  const counts = new Map<number, number>();
  for (const second of secondsOfAcquisitions) counts.set(second, (counts.get(second) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => a - b).map(([, count]) => count);
}

/** Acquires `times` times one after the other, alternating between the limits, and returns the seconds. */
async function acquireInTurn(
  limits: readonly RequestRateLimit[],
  times: number,
  now: () => number,
): Promise<number[]> {
  const seconds: number[] = [];
  for (let i = 0; i < times; i += 1) {
    await limits[i % limits.length]!.acquire();
    seconds.push(Math.floor(now() / 1000));
  }
  return seconds;
}

describe('rateWindow', () => {
  it.each([
    [20, { points: 20, seconds: 1 }],
    [1, { points: 1, seconds: 1 }],
    [2.5, { points: 2, seconds: 1 }],
    [0.5, { points: 1, seconds: 2 }],
    [0.3, { points: 1, seconds: 4 }],
  ])('allows a rate of %p/s as %p, never more than the rate in any window', (rate, window) => {
    expect(rateWindow(rate)).toEqual(window);
  });

  it.each([[0], [-1], [Number.NaN], [Number.POSITIVE_INFINITY]])('refuses a rate of %p', (rate) => {
    expect(() => rateWindow(rate)).toThrow(AppError);
    expect(() => rateWindow(rate)).toThrow(/requests per second must be a positive number/);
  });
});

describe('createRateLimit without a limit', () => {
  it('never waits, reads no clock and writes nothing to Redis at 0 requests per second', async () => {
    const redis = testRedis();
    const apiKey = uniqueApiKey();
    const now = jest.fn(() => 0);
    const sleep = jest.fn(() => Promise.resolve());
    try {
      const limit = createRateLimit({ requestsPerSecond: 0, apiKey, redis, now, sleep });
      await Promise.all(Array.from({ length: 1000 }, () => limit.acquire()));
      expect(now).not.toHaveBeenCalled();
      expect(sleep).not.toHaveBeenCalled();
      expect(await redis.keys(`${RATE_LIMIT_KEY_PREFIX}:${apiKeyHash(apiKey)}:*`)).toEqual([]);
      await limit.close();
    } finally {
      await redis.quit();
    }
  });
});

describe('createRateLimit shared through Redis', () => {
  let clients: Redis[] = [];
  const client = (): Redis => {
    const redis = testRedis();
    clients.push(redis);
    return redis;
  };
  afterEach(async () => {
    await Promise.all(clients.map((redis) => redis.quit().catch(() => undefined)));
    clients = [];
  });

  it('lets no second see more than N acquisitions across two processes (real clock and Redis)', async () => {
    const apiKey = uniqueApiKey();
    const seconds: number[] = [];
    // Each process takes its slots one after another, so its clock's last reading when acquire() returns
    // is the moment its slot was granted: the second is the limiter's own, not when this test resumed.
    const oneProcess = async (): Promise<void> => {
      let lastRead = 0;
      const now = (): number => (lastRead = Date.now());
      const limit = createRateLimit({ requestsPerSecond: 20, apiKey, redis: client(), now });
      for (let n = 0; n < 50; n++) {
        await limit.acquire();
        seconds.push(Math.floor(lastRead / 1000));
      }
    };
    await Promise.all([oneProcess(), oneProcess()]);
    const counts = countsPerSecond(seconds);
    expect(seconds).toHaveLength(100);
    expect(Math.max(...counts)).toBeLessThanOrEqual(20);
  });

  it('shares N per aligned second between two processes, waiting for the next boundary (fake clock)', async () => {
    const apiKey = uniqueApiKey();
    const clock = fakeClock(1_700_000_000_250);
    const options = { requestsPerSecond: 3, apiKey, now: clock.now, sleep: clock.sleep };
    const limits = [client(), client()].map((redis) => createRateLimit({ ...options, redis }));
    const seconds = await acquireInTurn(limits, 10, clock.now);
    expect(seconds).toEqual([
      ...Array(3).fill(1_700_000_000),
      ...Array(3).fill(1_700_000_001),
      ...Array(3).fill(1_700_000_002),
      1_700_000_003,
    ]);
    // the first window was cut short by the start at .250: the wait ends at the boundary, not 1 s later
    expect(clock.sleeps).toEqual([750, 1000, 1000]);
  });

  it('counts under the API key hash and the window start, never the key itself', async () => {
    const apiKey = uniqueApiKey();
    const redis = client();
    const clock = fakeClock(1_700_000_005_100);
    const limit = createRateLimit({
      requestsPerSecond: 5,
      apiKey,
      redis,
      now: clock.now,
      sleep: clock.sleep,
    });
    await limit.acquire();
    await limit.acquire();
    const key = `${RATE_LIMIT_KEY_PREFIX}:${apiKeyHash(apiKey)}:1700000005`;
    expect(await redis.get(key)).toBe('2');
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(2);
    expect(await redis.keys(`*${apiKey}*`)).toEqual([]);
  });

  it('falls back to a per-process limit, logging once, when the Redis client is closed', async () => {
    const redis = client();
    await redis.quit();
    const log = recordingLog();
    const clock = fakeClock(1_700_000_000_000);
    const limit = createRateLimit({
      requestsPerSecond: 2,
      apiKey: uniqueApiKey(),
      redis,
      log,
      now: clock.now,
      sleep: clock.sleep,
    });
    const seconds = await acquireInTurn([limit], 5, clock.now);
    expect(countsPerSecond(seconds)).toEqual([2, 2, 1]);
    const warnings = log.events.filter((event) => event.event === 'rate-limit-fallback');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 'warning', fields: { store: 'memory' } });
  });
  it('lets concurrent acquisitions all fall back together when Redis breaks under them', async () => {
    const redis = client();
    await redis.quit();
    const log = recordingLog();
    const limit = createRateLimit({
      requestsPerSecond: 10,
      apiKey: uniqueApiKey(),
      redis,
      log,
      now: () => 1_700_000_000_000,
      sleep: () => Promise.reject(new Error('waited')),
    });
    await expect(Promise.all(Array.from({ length: 10 }, () => limit.acquire()))).resolves.toHaveLength(10);
    await expect(limit.acquire()).rejects.toThrow('waited');
    expect(log.events.filter((event) => event.event === 'rate-limit-fallback')).toHaveLength(1);
  });
});

describe('createRateLimit in memory', () => {
  const memoryLimit = (options: Partial<RateLimitOptions> & { now: () => number }): RequestRateLimit =>
    createRateLimit({ requestsPerSecond: 2, apiKey: uniqueApiKey(), ...options });

  it('allows N per aligned second in one process', async () => {
    const clock = fakeClock(1_700_000_000_600);
    const limit = memoryLimit({ now: clock.now, sleep: clock.sleep });
    const seconds = await acquireInTurn([limit], 5, clock.now);
    expect(countsPerSecond(seconds)).toEqual([2, 2, 1]);
    expect(clock.sleeps).toEqual([400, 1000]);
  });

  it('spreads a fractional rate over a longer window aligned to its length', async () => {
    const clock = fakeClock(1_700_000_001_500);
    const limit = memoryLimit({ requestsPerSecond: 0.5, now: clock.now, sleep: clock.sleep });
    const times: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await limit.acquire();
      times.push(clock.now());
    }
    expect(times).toEqual([1_700_000_001_500, 1_700_000_002_000, 1_700_000_004_000]);
  });

  it('uses no slot in the last moments of a window, whose requests would land in the next second', async () => {
    const clock = fakeClock(1_700_000_000_990);
    const limit = memoryLimit({ now: clock.now, sleep: clock.sleep });
    await limit.acquire();
    expect(clock.now()).toBe(1_700_000_001_000);
    expect(clock.sleeps).toEqual([10]);
  });

  it('keeps a wider guard in its first window only, where the first requests are slow to go out', async () => {
    // 200 ms before the end of its first window: within the first-window guard (250 ms), so it waits
    const clock = fakeClock(1_700_000_000_800);
    const limit = memoryLimit({ requestsPerSecond: 1, now: clock.now, sleep: clock.sleep });
    await limit.acquire();
    expect(clock.now()).toBe(1_700_000_001_000);
    // 200 ms before the end of a later window: outside the ordinary guard (25 ms), so it is taken at once
    await clock.sleep(1800);
    await limit.acquire();
    expect(clock.now()).toBe(1_700_000_002_800);
    expect(clock.sleeps).toEqual([200, 1800]);
  });

  it('takes a fresh slot when the window ended while the counter answered', async () => {
    // the first read is in second 0; by the time the slot is granted the clock is in second 1
    const reads = [1_700_000_000_999];
    const now = (): number => reads.shift() ?? 1_700_000_001_000;
    const sleep = jest.fn(() => Promise.reject(new Error('waited')));
    const limit = memoryLimit({ requestsPerSecond: 1, now, sleep });
    await limit.acquire();
    expect(sleep).not.toHaveBeenCalled();
    // the slot taken was second 1's (second 0's came too late), so second 1 has none left
    await expect(limit.acquire()).rejects.toThrow('waited');
  });

  it.each([
    ['an aborted signal', (limit: RequestRateLimit, controller: AbortController) => controller.abort()],
    ['close()', (limit: RequestRateLimit) => void limit.close()],
  ])('stops a waiting acquisition with RateLimitAbortedError on %s', async (_, stop) => {
    // a clock that never moves: the second acquisition waits on a real timer until stopped
    const limit = memoryLimit({ requestsPerSecond: 1, now: () => 1_700_000_000_000 });
    const controller = new AbortController();
    await limit.acquire(controller.signal);
    const waiting = limit.acquire(controller.signal);
    await new Promise((resolve) => setImmediate(resolve));
    stop(limit, controller);
    await expect(waiting).rejects.toThrow(RateLimitAbortedError);
    await expect(waiting).rejects.toThrow('rate limit: the wait for a request slot was cancelled');
  });
});
