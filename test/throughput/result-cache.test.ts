import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { apiKeyHash } from '../../src/throughput/api-key-hash';
import { CACHE_KEY_PREFIX, cacheKey, createResultCache } from '../../src/throughput/result-cache';
import type { CachedResult } from '../../src/throughput/result-cache';
import { recordingLog } from '../ipqs/ipqs-harness';
import { testRedis } from '../helpers/redis';

const API_KEY = 'TestKey0123456789abcdefABCDEF0123';
const PARAMS = { strictness: '1', allow_public_access_points: 'true', country: ['US', 'CA'] };
const ANSWER: CachedResult = { success: true, fraud_score: 87, proxy: true, request_id: 'abc' };

/** A key of this test's own: the value is unique, so no other test shares the entry. */
const uniqueKey = (params: Record<string, string | string[]> = PARAMS): string =>
  cacheKey('ip', `198.51.100.${randomUUID()}`, params, API_KEY);

describe('cacheKey', () => {
  it('is the prefix and a SHA-256, with neither the API key, its hash nor the value in clear', () => {
    const key = cacheKey('email', 'alice@example.com', PARAMS, API_KEY);
    expect(key).toMatch(new RegExp(`^${CACHE_KEY_PREFIX}:[0-9a-f]{64}$`));
    for (const secret of [API_KEY, apiKeyHash(API_KEY), 'alice', 'example.com']) {
      expect(key).not.toContain(secret);
    }
  });

  it('does not depend on the order the params were given in', () => {
    const reversed = Object.fromEntries(Object.entries(PARAMS).reverse());
    expect(cacheKey('ip', '198.51.100.7', reversed, API_KEY)).toBe(
      cacheKey('ip', '198.51.100.7', PARAMS, API_KEY),
    );
  });

  it.each([
    ['another lookup', cacheKey('email', '198.51.100.7', PARAMS, API_KEY)],
    ['another value', cacheKey('ip', '198.51.100.8', PARAMS, API_KEY)],
    ['another param value', cacheKey('ip', '198.51.100.7', { ...PARAMS, strictness: '2' }, API_KEY)],
    ['one param more', cacheKey('ip', '198.51.100.7', { ...PARAMS, fast: 'true' }, API_KEY)],
    [
      'a list in another order',
      cacheKey('ip', '198.51.100.7', { ...PARAMS, country: ['CA', 'US'] }, API_KEY),
    ],
    ['another account', cacheKey('ip', '198.51.100.7', PARAMS, `${API_KEY}x`)],
  ])('differs for %s', (_, other) => {
    expect(other).not.toBe(cacheKey('ip', '198.51.100.7', PARAMS, API_KEY));
  });
});

describe('createResultCache in Redis', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = testRedis(10);
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('returns a stored answer, which Redis holds as JSON under the key', async () => {
    const cache = createResultCache({ ttlMinutes: 60, redis });
    const key = uniqueKey();
    await cache.set(key, ANSWER);
    await expect(cache.get(key)).resolves.toEqual(ANSWER);
    expect(JSON.parse((await redis.get(key))!)).toEqual(ANSWER);
  });

  it('misses for the same value with another param set', async () => {
    const cache = createResultCache({ ttlMinutes: 60, redis });
    const value = `198.51.100.${randomUUID()}`;
    await cache.set(cacheKey('ip', value, PARAMS, API_KEY), ANSWER);
    await expect(
      cache.get(cacheKey('ip', value, { ...PARAMS, strictness: '2' }, API_KEY)),
    ).resolves.toBeUndefined();
  });

  it.each([
    ['success: false', { success: false, message: 'Invalid IPv4 address.' }],
    ['no success field', { fraud_score: 10 }],
    ['success: "true" (a string)', { success: 'true', fraud_score: 10 }],
  ])('refuses to store an answer with %s', async (_, answer) => {
    const log = recordingLog();
    const cache = createResultCache({ ttlMinutes: 60, redis, log });
    const key = uniqueKey();
    await cache.set(key, answer);
    expect(await redis.exists(key)).toBe(0);
    await expect(cache.get(key)).resolves.toBeUndefined();
    expect(log.events).toEqual([
      { level: 'warning', event: 'cache-refused', fields: { reason: 'the answer is not a success' } },
    ]);
  });

  it('stores with an expiry of ttl minutes', async () => {
    const cache = createResultCache({ ttlMinutes: 90, redis });
    const key = uniqueKey();
    await cache.set(key, ANSWER);
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(90 * 60 - 5);
    expect(ttl).toBeLessThanOrEqual(90 * 60);
  });

  it('forgets an entry once its TTL has passed', async () => {
    const cache = createResultCache({ ttlMinutes: 60, ttlSeconds: 1, redis });
    const key = uniqueKey();
    await cache.set(key, ANSWER);
    await expect(cache.get(key)).resolves.toEqual(ANSWER);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await expect(cache.get(key)).resolves.toBeUndefined();
  });

  it('never stores when the TTL is 0', async () => {
    const cache = createResultCache({ ttlMinutes: 0, redis });
    const key = uniqueKey();
    await cache.set(key, ANSWER);
    expect(await redis.exists(key)).toBe(0);
    await expect(cache.get(key)).resolves.toBeUndefined();
  });

  it.each([['not json{'], ['[1,2]'], ['"text"'], ['null']])(
    'reads a damaged entry %p as a miss',
    async (text) => {
      const cache = createResultCache({ ttlMinutes: 60, redis });
      const key = uniqueKey();
      await redis.set(key, text, 'EX', 60);
      await expect(cache.get(key)).resolves.toBeUndefined();
    },
  );

  it('behaves as a miss and skips writes, logging once, when Redis is gone', async () => {
    const closed = testRedis(10);
    await closed.quit();
    const log = recordingLog();
    const cache = createResultCache({ ttlMinutes: 60, redis: closed, log });
    const key = uniqueKey();
    await expect(cache.get(key)).resolves.toBeUndefined();
    await expect(cache.set(key, ANSWER)).resolves.toBeUndefined();
    await expect(cache.get(key)).resolves.toBeUndefined();
    expect(log.events).toHaveLength(1);
    expect(log.events[0]).toMatchObject({
      level: 'warning',
      event: 'cache-unavailable',
      fields: { operation: 'get' },
    });
    expect(await redis.exists(key)).toBe(0);
  });
  it('sends nothing more to Redis after its first error: the rest of the run is uncached', async () => {
    const closed = testRedis(10);
    await closed.quit();
    const sent: string[] = [];
    // the real (closed) client, with the cache's calls to it recorded
    const recorded = new Proxy(closed, {
      get(target, name, receiver) {
        const member = Reflect.get(target, name, receiver) as unknown;
        if (typeof member !== 'function' || typeof name !== 'string') return member;
        return (...args: unknown[]) => {
          sent.push(name);
          return (member as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const cache = createResultCache({ ttlMinutes: 60, redis: recorded });

    await cache.get(uniqueKey());
    await cache.getMany([uniqueKey(), uniqueKey()]);
    await cache.set(uniqueKey(), ANSWER);
    await cache.get(uniqueKey());

    expect(sent).toEqual(['get']);
  });
});

describe('createResultCache in memory', () => {
  /** A cache on a clock the test moves. */
  function memoryCache(maxMemoryEntries?: number): {
    cache: ReturnType<typeof createResultCache>;
    advance: (ms: number) => void;
  } {
    let clock = 1_700_000_000_000;
    const cache = createResultCache({
      ttlMinutes: 1,
      now: () => clock,
      ...(maxMemoryEntries === undefined ? {} : { maxMemoryEntries }),
    });
    return { cache, advance: (ms) => void (clock += ms) };
  }

  it('returns a stored answer until the TTL has passed, then misses', async () => {
    const { cache, advance } = memoryCache();
    await cache.set('k', ANSWER);
    advance(59_999);
    await expect(cache.get('k')).resolves.toEqual(ANSWER);
    advance(1);
    await expect(cache.get('k')).resolves.toBeUndefined();
  });

  it('holds at most maxMemoryEntries, dropping the least recently used first', async () => {
    const { cache } = memoryCache(3);
    for (const key of ['a', 'b', 'c']) await cache.set(key, { ...ANSWER, key });
    await cache.get('a');
    await cache.set('d', { ...ANSWER, key: 'd' });
    await expect(cache.get('b')).resolves.toBeUndefined();
    for (const key of ['a', 'c', 'd']) await expect(cache.get(key)).resolves.toEqual({ ...ANSWER, key });
  });

  it('hands out copies, so changing what came back never changes the cache', async () => {
    const { cache } = memoryCache();
    await cache.set('k', ANSWER);
    const first = (await cache.get('k')) as Record<string, unknown>;
    first.fraud_score = 0;
    await expect(cache.get('k')).resolves.toEqual(ANSWER);
  });

  it('refuses a failed answer and forgets everything on close', async () => {
    const { cache } = memoryCache();
    await cache.set('failed', { success: false });
    await expect(cache.get('failed')).resolves.toBeUndefined();
    await cache.set('k', ANSWER);
    await cache.close();
    await expect(cache.get('k')).resolves.toBeUndefined();
  });
});
