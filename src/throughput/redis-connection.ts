/**
 * Opens the Redis client the shared cache and rate limit use: the KV store's server (same host, login and
 * TLS as the playbook store, through `redisClientOptions`) on another db, `tc_cache_kvstore_id`.
 */
import type Redis from 'ioredis';
import { closeRedis, connectVerified, redisClientOptions } from '../tc/kvstore/kv-store-redis';

/** Where the cache's Redis is (the `tc_kvstore_*` params) and which db holds the cache. */
export interface CacheRedisSettings {
  readonly host: string;
  readonly port: number;
  readonly user?: string;
  readonly password?: string;
  /** tc_cache_kvstore_id. */
  readonly db: number;
  readonly tlsEnabled?: boolean;
  readonly tlsPort?: number;
  readonly caFile?: string;
  readonly certFile?: string;
  readonly keyFile?: string;
  readonly connectTimeoutMs?: number;
}

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
