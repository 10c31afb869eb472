/**
 * The cache and the requests-per-second limit of one run: shared through the KV store's Redis (cache db
 * `tc_cache_kvstore_id`) when the run has one, in memory otherwise. A cache Redis that cannot be opened is
 * logged and replaced by memory: the lookups still work, they just are not shared.
 */
import type Redis from 'ioredis';
import { errorMessage } from '../errors';
import type { Log } from '../logging/log';
import { redisConnectionOf } from '../tc/kvstore/redis-settings';
import type { AppParams, TcParams } from '../tc/params';
import { createRateLimit } from './rate-limit';
import type { RequestRateLimit } from './rate-limit';
import { closeCacheRedis, openCacheRedis } from './redis-connection';
import { createResultCache } from './result-cache';
import type { ResultCache } from './result-cache';

export interface RunThroughput {
  readonly cache: ResultCache;
  readonly rateLimit: RequestRateLimit;
  /** True when both live in Redis (shared with every other run). */
  readonly shared: boolean;
  close(): Promise<void>;
}

async function sharedRedis(tc: TcParams, app: AppParams, log: Log): Promise<Redis | undefined> {
  const needed = app.cache_ttl_minutes > 0 || app.max_requests_per_second > 0;
  if (!needed || tc.tc_kvstore_type !== 'Redis') return undefined;
  try {
    return await openCacheRedis({ ...redisConnectionOf(tc), db: tc.tc_cache_kvstore_id });
  } catch (error) {
    log.warning('cache-redis-unavailable', { error: errorMessage(error), fallback: 'memory' });
    return undefined;
  }
}

export async function openRunThroughput(app: AppParams, tc: TcParams, log: Log): Promise<RunThroughput> {
  const redis = await sharedRedis(tc, app, log);
  const cache = createResultCache({ ttlMinutes: app.cache_ttl_minutes, log, ...(redis ? { redis } : {}) });
  const rateLimit = createRateLimit({
    requestsPerSecond: app.max_requests_per_second,
    apiKey: app.ipqs_api_key,
    log,
    ...(redis ? { redis } : {}),
  });
  log.info('throughput', {
    cache_ttl_minutes: app.cache_ttl_minutes,
    max_requests_per_second: app.max_requests_per_second,
    max_concurrency: app.max_concurrency,
    shared: redis !== undefined,
  });
  return {
    cache,
    rateLimit,
    shared: redis !== undefined,
    close: async () => {
      await rateLimit.close();
      await cache.close();
      if (redis) await closeCacheRedis(redis);
    },
  };
}
