/**
 * The shared result cache: successful IPQS answers kept for `cache_ttl_minutes`, in the KV store's Redis
 * (the cache db, shared by every run and worker) or, without Redis, in a bounded in-memory map. The cache
 * never fails a lookup: after a Redis error (logged once) it reads as misses and skips writes for the
 * rest of the run.
 */
import { hash } from 'node:crypto';
import type Redis from 'ioredis';
import { errorMessage } from '../errors';
import type { LookupType } from '../ipqs/fields';
import type { LookupParams } from '../ipqs/request-params';
import { silentLog } from '../logging/log';
import type { Log } from '../logging/log';
import { apiKeyHash } from './api-key-hash';
import { writeBatcher } from './write-batcher';

/** Prefix of the cache's Redis keys: `ipqs-tc:cache:<sha256>`. */
export const CACHE_KEY_PREFIX = 'ipqs-tc:cache';
/** Entries the in-memory cache holds at most; the least recently used goes first. */
export const DEFAULT_MAX_MEMORY_ENTRIES = 10_000;

/** A cache key from `cacheKey`. */
export type CacheKey = string;
/** A full IPQS answer (personal data included: the caller strips it after reading). */
export type CachedResult = Readonly<Record<string, unknown>>;

/** Successful IPQS answers by lookup, value, request params and account. */
export interface ResultCache {
  /** The stored answer, or undefined on a miss, an expired entry or a Redis error. */
  get(key: CacheKey): Promise<CachedResult | undefined>;
  /** `get` for many keys in one round trip (Redis MGET), in the order of `keys`. */
  getMany(keys: readonly CacheKey[]): Promise<(CachedResult | undefined)[]>;
  /**
   * Stores a successful answer (`success: true`); anything else is refused. Never rejects. Redis writes
   * are sent in batches (one round trip each); the promise settles once the answer's batch is written.
   */
  set(key: CacheKey, value: CachedResult): Promise<void>;
  /** Drops the in-memory entries; the Redis client stays open (its owner quits it). */
  close(): Promise<void>;
}

export interface ResultCacheOptions {
  /** cache_ttl_minutes: 0 turns the cache off. */
  readonly ttlMinutes: number;
  /** Overrides `ttlMinutes` when set (tests: a real expiry in one second). */
  readonly ttlSeconds?: number;
  /** The client on db `tc_cache_kvstore_id`; the cache is per process without it. */
  readonly redis?: Redis;
  readonly log?: Log;
  /** Bound of the in-memory cache; default DEFAULT_MAX_MEMORY_ENTRIES. */
  readonly maxMemoryEntries?: number;
  /** The in-memory cache's clock (tests). */
  readonly now?: () => number;
}

/**
 * The key of one lookup: a SHA-256 of the lookup, the normalized value, the request params (sorted by
 * name) and the API key's hash, so neither the value nor the key is readable in Redis. The account is
 * part of it because plans differ in features: two accounts never share answers.
 */
export function cacheKey(
  lookup: LookupType,
  normalizedValue: string,
  params: Readonly<LookupParams>,
  apiKey: string,
): CacheKey {
  return cacheKeyOf(apiKeyHash(apiKey))(lookup, normalizedValue, params);
}

/** `cacheKey` for one account, with the key's hash taken once rather than per lookup. */
export function cacheKeyOf(
  keyHash: string,
): (lookup: LookupType, normalizedValue: string, params: Readonly<LookupParams>) => CacheKey {
  // the params of a batch are one object per lookup type: sorted and serialized once each
  const paramsJson = new WeakMap<Readonly<LookupParams>, string>();
  const keyHashJson = JSON.stringify(keyHash);
  return (lookup, normalizedValue, params) => {
    let sortedParams = paramsJson.get(params);
    if (sortedParams === undefined) {
      sortedParams = JSON.stringify(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      paramsJson.set(params, sortedParams);
    }
    // the JSON text of [lookup, value, sorted params, key hash]
    const material = `[${JSON.stringify(lookup)},${JSON.stringify(normalizedValue)},${sortedParams},${keyHashJson}]`;
    return `${CACHE_KEY_PREFIX}:${hash('sha256', material, 'hex')}`;
  };
}

/** Creates the cache for one run: off at ttl 0, in Redis with a client, else in memory. */
export function createResultCache(options: ResultCacheOptions): ResultCache {
  const ttlSeconds = options.ttlSeconds ?? options.ttlMinutes * 60;
  if (!(ttlSeconds > 0)) return noCache;
  const log = options.log ?? silentLog;
  if (options.redis) return redisCache(options.redis, ttlSeconds, log);
  return memoryCache(ttlSeconds, options.maxMemoryEntries ?? DEFAULT_MAX_MEMORY_ENTRIES, log, options.now);
}

const noCache: ResultCache = {
  get: () => Promise.resolve(undefined),
  getMany: (keys) => Promise.resolve(keys.map(() => undefined)),
  set: () => Promise.resolve(),
  close: () => Promise.resolve(),
};

/** Only successful answers are cached: a failure (bad input, no credits) must be asked again next time. */
function cacheable(value: CachedResult, log: Log): boolean {
  if (value.success === true) return true;
  log.warning('cache-refused', { reason: 'the answer is not a success' });
  return false;
}

/** A stored JSON object, or undefined for anything else (a foreign or damaged entry is a miss). */
function parseEntry(text: string): CachedResult | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as CachedResult)
      : undefined;
  } catch {
    return undefined;
  }
}

function redisCache(redis: Redis, ttlSeconds: number, log: Log): ResultCache {
  // PX, not EX: a test's sub-second TTL must not be a syntax error
  const ttlMs = Math.max(1, Math.round(ttlSeconds * 1000));
  // After the first Redis error the cache is off for the rest of the run: one warning, and no lookup waits
  // on a server that is reconnecting (or on a command timeout) only to miss.
  let broken = false;
  const onError = (operation: string, error: unknown): undefined => {
    if (!broken) log.warning('cache-unavailable', { operation, error: errorMessage(error) });
    broken = true;
    return undefined;
  };
  // A write per answer would be a round trip per lookup: answers are written in pipelined batches.
  const writes = writeBatcher(async (entries) => {
    if (broken) return;
    const pipeline = redis.pipeline();
    for (const [key, text] of entries) pipeline.set(key, text, 'PX', ttlMs);
    try {
      const replies = (await pipeline.exec()) ?? [];
      const failed = replies.find(([error]) => error);
      if (failed) onError('set', failed[0]);
    } catch (error) {
      onError('set', error);
    }
  });
  return {
    async get(key) {
      if (broken) return undefined;
      try {
        const text = await redis.get(key);
        return text === null ? undefined : parseEntry(text);
      } catch (error) {
        return onError('get', error);
      }
    },
    async getMany(keys) {
      if (broken) return keys.map(() => undefined);
      if (keys.length === 0) return [];
      try {
        const texts = await redis.mget(...keys);
        return texts.map((text) => (text === null ? undefined : parseEntry(text)));
      } catch (error) {
        onError('get', error);
        return keys.map(() => undefined);
      }
    },
    set(key, value) {
      if (broken || !cacheable(value, log)) return Promise.resolve();
      return writes.add(key, JSON.stringify(value));
    },
    close: () => Promise.resolve(),
  };
}

interface MemoryEntry {
  readonly text: string;
  readonly expiresAt: number;
}

function memoryCache(
  ttlSeconds: number,
  maxEntries: number,
  log: Log,
  now: () => number = Date.now,
): ResultCache {
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recently used first.
  const entries = new Map<string, MemoryEntry>();
  const read = (key: CacheKey): CachedResult | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    entries.delete(key);
    if (entry.expiresAt <= now()) return undefined;
    entries.set(key, entry);
    // stored as text, so a caller changing what it got back never changes the cache
    return parseEntry(entry.text);
  };
  return {
    get: (key) => Promise.resolve(read(key)),
    getMany: (keys) => Promise.resolve(keys.map(read)),
    set(key, value) {
      if (!cacheable(value, log)) return Promise.resolve();
      entries.delete(key);
      entries.set(key, { text: JSON.stringify(value), expiresAt: now() + ttlSeconds * 1000 });
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
      return Promise.resolve();
    },
    close() {
      entries.clear();
      return Promise.resolve();
    },
  };
}
