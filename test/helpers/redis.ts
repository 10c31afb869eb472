// Tests that cover the KV store, the cache and the rate limit talk to the real redis-server started by the
// global setup (or REDIS_URL). Each test uses keys of its own, so test files may run in parallel.
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';

export function redisUrl(): string {
  const url = process.env.REDIS_URL;
  if (!url) throw new Error('REDIS_URL is not set: the jest global setup starts redis-server');
  return url;
}

export function redisHostPort(): { host: string; port: number } {
  const url = new URL(redisUrl());
  return { host: url.hostname, port: Number(url.port || 6379) };
}

/** A client of the test Redis; the caller quits it. */
export function testRedis(db = 0): Redis {
  return new Redis(redisUrl(), { db, lazyConnect: false });
}

/** A playbook context key unique to this test. */
export function uniqueContext(label = 'ctx'): string {
  return `test-${label}-${randomUUID()}`;
}
