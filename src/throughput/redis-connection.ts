/**
 * Opens the Redis client the shared cache and rate limit use: the KV store's server (same host, login and
 * TLS as the playbook store, through `redisClientOptions`) on another db, `tc_cache_kvstore_id`.
 */
import type Redis from 'ioredis';
import { closeRedis, connectVerified, redisClientOptions } from '../tc/kvstore/kv-store-redis';
import type { RedisKvOptions } from '../tc/kvstore/kv-store-redis';

/** Where the cache's Redis is (the playbook store's `tc_kvstore_*` connection) and which db holds it. */
export type CacheRedisSettings = Omit<RedisKvOptions, 'context' | 'db'> & {
  /** tc_cache_kvstore_id. */
  readonly db: number;
};

/**
 * A connected, PINGed client on db `settings.db`; the caller quits it. An unreachable server or a
 * rejected login is a KvStoreError naming host:port and db.
 */
export async function openCacheRedis(settings: CacheRedisSettings): Promise<Redis> {
  // the playbook context is not used to connect: the cache has keys of its own
  const clientOptions = redisClientOptions({ ...settings, context: '' });
  const where = `cache Redis at ${clientOptions.host}:${clientOptions.port} db ${settings.db}`;
  return await connectVerified(clientOptions, where, settings.password);
}

/** Quits a client from `openCacheRedis`; one that is down is dropped rather than waited for. */
export function closeCacheRedis(client: Redis): Promise<void> {
  return closeRedis(client);
}
