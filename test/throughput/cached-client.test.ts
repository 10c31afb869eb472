// The IPQS client behind the shared result cache, against the real redis-server: a hit skips the request,
// a failure is not cached, concurrent identical lookups make one request, and a rate limit is taken only
// by requests that are really sent.
import Redis from 'ioredis';
import ipClean from '../fixtures/ipqs/ip-clean.json';
import { API_KEY, ipqsServer, testClient } from '../ipqs/ipqs-harness';
import { withResultCache } from '../../src/throughput/cached-client';
import { createResultCache } from '../../src/throughput/result-cache';
import { redisUrl } from '../helpers/redis';

const INVALID_INPUT = { success: false, message: 'Invalid IPv4 address, IPv6 address or hostname.' };

let redis: Redis;
beforeAll(() => {
  redis = new Redis(redisUrl(), { db: 10 });
});
afterAll(async () => {
  await redis.quit();
});

function cachedClient(value: string, ttlMinutes = 60) {
  const cache = createResultCache({ ttlMinutes, redis });
  const { client } = testClient({ maxRetries: 0 });
  // a key of its own per test: answers cached by another test never count
  const cached = withResultCache(client, cache, `${API_KEY}-${value}-${Date.now()}`);
  const lookup = () => cached.lookup({ lookup: 'ip', value, params: { strictness: '0' } });
  return { cached, lookup };
}

describe('withResultCache', () => {
  it('answers a second lookup of the same value from the cache without a request', async () => {
    const server = ipqsServer('ip', [200, ipClean]);
    const { cached, lookup } = cachedClient('8.8.4.4');
    const first = await lookup();
    await cached.drain();
    const second = await lookup();
    expect(server.requests).toHaveLength(1);
    expect(first.cached).toBeUndefined();
    expect(second).toMatchObject({ cached: true, attempts: 0 });
    expect(second.data).toEqual(first.data);
  });

  it('does not cache a failure: the next lookup asks IPQS again', async () => {
    const server = ipqsServer('ip', [200, INVALID_INPUT]);
    const { cached, lookup } = cachedClient('8.8.4.5');
    await expect(lookup()).rejects.toMatchObject({ name: 'IpqsInvalidInputError' });
    await cached.drain();
    await expect(lookup()).rejects.toMatchObject({ name: 'IpqsInvalidInputError' });
    expect(server.requests).toHaveLength(2);
  });

  it('makes one request for concurrent lookups of the same value', async () => {
    const server = ipqsServer('ip', [200, ipClean]);
    const { cached, lookup } = cachedClient('8.8.4.6');
    const results = await Promise.all(Array.from({ length: 10 }, lookup));
    await cached.drain();
    expect(server.requests).toHaveLength(1);
    expect(new Set(results.map((result) => JSON.stringify(result.data))).size).toBe(1);
  });

  it('asks IPQS every time when the cache is off (TTL 0)', async () => {
    const server = ipqsServer('ip', [200, ipClean]);
    const { cached, lookup } = cachedClient('8.8.4.7', 0);
    await lookup();
    await cached.drain();
    await lookup();
    expect(server.requests).toHaveLength(2);
  });
});
