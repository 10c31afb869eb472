// The cache's round trips, against a redis-server of this file's own (so its command counts are only ours):
// many reads are one MGET, reads made ahead answer the lookups without a GET, and writes are pipelined.
import Redis from 'ioredis';
import ipClean from '../fixtures/ipqs/ip-clean.json';
import { API_KEY, ipqsServer, testClient } from '../ipqs/ipqs-harness';
import { withResultCache } from '../../src/throughput/cached-client';
import { cacheKey, createResultCache } from '../../src/throughput/result-cache';
import { WRITE_BATCH } from '../../src/throughput/write-batcher';
import type { CachedResult } from '../../src/throughput/result-cache';
import { startRedisServer } from '../helpers/redis-server';
import type { RedisServer } from '../helpers/redis-server';

const PARAMS = { strictness: '0' };
const answer = (n: number): CachedResult => ({ success: true, fraud_score: n, request_id: `r${n}` });
const keyOf = (value: string) => cacheKey('ip', value, PARAMS, API_KEY);

let server: RedisServer;
let redis: Redis;
beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url, { db: 10 });
});
afterAll(async () => {
  await redis.quit();
  await server.stop();
});
beforeEach(async () => {
  await redis.flushdb();
  await redis.config('RESETSTAT');
});

/** Calls of each Redis command since the last reset (INFO commandstats), the INFO call itself left out. */
async function commandCalls(): Promise<Record<string, number>> {
  const info = await redis.info('commandstats');
  const calls: Record<string, number> = {};
  for (const match of info.matchAll(/^cmdstat_(\w+):calls=(\d+)/gm)) {
    if (match[1] !== 'info' && match[1] !== 'config') calls[match[1]!] = Number(match[2]);
  }
  return calls;
}

describe('the Redis cache', () => {
  it('reads many keys in one MGET, answers in key order and misses as undefined', async () => {
    const cache = createResultCache({ ttlMinutes: 60, redis });
    await redis.set(keyOf('198.51.100.1'), JSON.stringify(answer(1)));
    await redis.set(keyOf('198.51.100.3'), JSON.stringify(answer(3)));
    await redis.config('RESETSTAT');

    const found = await cache.getMany(['198.51.100.1', '198.51.100.2', '198.51.100.3'].map(keyOf));

    expect(found).toEqual([answer(1), undefined, answer(3)]);
    expect(await commandCalls()).toEqual({ mget: 1 });
  });

  it('writes every answer, with its TTL, once its set() has settled', async () => {
    const cache = createResultCache({ ttlMinutes: 60, redis });
    const count = WRITE_BATCH * 2 + 5;
    const keys = Array.from({ length: count }, (_, n) => keyOf(`198.51.100.${n}`));

    await Promise.all(keys.map((key, n) => cache.set(key, answer(n))));

    const stored = await redis.mget(...keys);
    expect(stored.map((text) => JSON.parse(text!) as CachedResult)).toEqual(keys.map((_, n) => answer(n)));
    expect(await redis.pttl(keys[count - 1]!)).toBeGreaterThan(59 * 60 * 1000);
    expect((await commandCalls()).set).toBe(count);
  });

  it('writes a lone answer too, without waiting for a full batch', async () => {
    const cache = createResultCache({ ttlMinutes: 60, redis });
    await cache.set(keyOf('198.51.100.9'), answer(9));
    expect(JSON.parse((await redis.get(keyOf('198.51.100.9')))!)).toEqual(answer(9));
  });
});

describe('withResultCache read-ahead', () => {
  const request = (value: string) => ({ lookup: 'ip' as const, value, params: PARAMS });

  it('answers prefetched hits without a GET or a request, and asks IPQS only for the misses', async () => {
    await redis.set(keyOf('198.51.100.1'), JSON.stringify({ ...ipClean, fraud_score: 1 }));
    await redis.set(keyOf('198.51.100.2'), JSON.stringify({ ...ipClean, fraud_score: 2 }));
    await redis.config('RESETSTAT');
    const ipqs = ipqsServer('ip', [200, ipClean]);
    const cached = withResultCache(
      testClient().client,
      createResultCache({ ttlMinutes: 60, redis }),
      API_KEY,
    );
    const values = ['198.51.100.1', '198.51.100.2', '198.51.100.3'];

    cached.prefetch?.(values.map(request));
    const results = await Promise.all(values.map((value) => cached.lookup(request(value))));
    await cached.drain();

    expect(results.map((result) => [result.cached ?? false, result.data.fraud_score])).toEqual([
      [true, 1],
      [true, 2],
      [false, ipClean.fraud_score],
    ]);
    expect(ipqs.requests).toHaveLength(1);
    expect(ipqs.requests[0]!.path).toContain('198.51.100.3');
    expect(await commandCalls()).toEqual({ mget: 1, set: 1 });
    cached.close();
  });

  it('reads a key once however often it is prefetched, and uses a read-ahead entry once', async () => {
    await redis.set(keyOf('198.51.100.4'), JSON.stringify(ipClean));
    await redis.config('RESETSTAT');
    const cached = withResultCache(
      testClient().client,
      createResultCache({ ttlMinutes: 60, redis }),
      API_KEY,
    );

    cached.prefetch?.([request('198.51.100.4'), request('198.51.100.4')]);
    cached.prefetch?.([request('198.51.100.4')]);
    await cached.lookup(request('198.51.100.4'));
    await cached.lookup(request('198.51.100.4'));

    // the second lookup finds no read-ahead entry left and reads the cache itself
    expect(await commandCalls()).toEqual({ mget: 1, get: 1 });
    cached.close();
  });
});
