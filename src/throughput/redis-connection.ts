/**
 * Opens the Redis client the shared cache and rate limit use: the KV store's server (same host, login and
 * TLS as the playbook store, through `redisClientOptions`) on another db, `tc_cache_kvstore_id`.
 */
import Redis from 'ioredis';
import { KvStoreError, errorMessage } from '../errors';
import { redisClientOptions } from '../tc/kvstore/kv-store-redis';

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

const CREDENTIAL_ERROR = /^(WRONGPASS|NOAUTH|NOPERM)|invalid (password|username)/i;

/**
 * A connected, PINGed client on db `settings.db`; the caller quits it. An unreachable server or a
 * rejected login is a KvStoreError naming host:port and db.
 */
export async function openCacheRedis(settings: CacheRedisSettings): Promise<Redis> {
  // the playbook context is not used to connect: the cache has keys of its own
  const clientOptions = redisClientOptions({ ...settings, context: '' });
  const where = `cache Redis at ${clientOptions.host}:${clientOptions.port} db ${settings.db}`;
  const client = new Redis(clientOptions);
  // ioredis reports the cause only as an 'error' event; the listener stays for the client's life so a
  // later outage is not printed as an unhandled error event (the cache and limit log it themselves).
  let lastError: unknown;
  client.on('error', (error: unknown) => {
    lastError = error;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    // otherwise ioredis keeps reconnecting (and re-sending a rejected AUTH) in the background
    client.disconnect();
    const reason = scrub(redisReason(lastError ?? error), settings.password);
    if (CREDENTIAL_ERROR.test(reason)) {
      throw new KvStoreError(`KV store: ${where} rejected the credentials (${reason})`);
    }
    throw new KvStoreError(`KV store: ${where} is unreachable (${reason})`);
  }
  return client;
}

/** Quits a client from `openCacheRedis`; one that is down is dropped rather than waited for. */
export async function closeCacheRedis(client: Redis): Promise<void> {
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}

/** The error code (ECONNREFUSED) when there is one, else the message on one line. */
function redisReason(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.length > 0 ? code : errorMessage(error);
}

/** No Redis message should hold the password, but never let one through. */
function scrub(text: string, password: string | undefined): string {
  return password ? text.split(password).join('***') : text;
}
