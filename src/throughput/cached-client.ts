/**
 * An IPQS client in front of the shared result cache: a hit answers without a request (and without spending
 * the rate limit); a miss asks IPQS and stores the answer (successes only). Concurrent lookups of the same
 * value share one request.
 */
import type { IpqsClient, IpqsLookupRequest, IpqsLookupResult } from '../ipqs/client';
import type { LookupType } from '../ipqs/fields';
import { parseIpqsResponse } from '../ipqs/schemas';
import { apiKeyHash } from './api-key-hash';
import { cacheKeyOf } from './result-cache';
import type { CachedResult, CacheKey, ResultCache } from './result-cache';
import { singleFlight } from './single-flight';

/** The cached client; `drain` waits for the cache writes still under way (call it before closing the cache). */
export interface CachedIpqsClient extends IpqsClient {
  drain(): Promise<void>;
}

export function withResultCache(client: IpqsClient, cache: ResultCache, apiKey: string): CachedIpqsClient {
  const flights = singleFlight<IpqsLookupResult>();
  const writes = new Set<Promise<void>>();
  const keyOf = cacheKeyOf(apiKeyHash(apiKey));
  // entries read ahead by `prefetch`, each dropped as its lookup takes it
  const readAhead = new Map<CacheKey, Promise<CachedResult | undefined>>();

  // the answer is used at once; storing it is off the lookup's path (a write never rejects: see ResultCache)
  function store(key: string, data: IpqsLookupResult['data']): void {
    const write = cache.set(key, data).finally(() => writes.delete(write));
    writes.add(write);
  }

  async function lookupOnce<L extends LookupType>(
    request: IpqsLookupRequest<L>,
  ): Promise<IpqsLookupResult<L>> {
    const key = keyOf(request.lookup, request.value, request.params);
    const result = await flights.run(key, async () => {
      const early = readAhead.get(key);
      if (early) readAhead.delete(key);
      const hit = await (early ?? cache.get(key));
      if (hit) {
        // a stored answer passes the same edge validation as a fresh one
        return {
          lookup: request.lookup,
          data: parseIpqsResponse(request.lookup, hit),
          attempts: 0,
          cached: true,
        };
      }
      const fresh = await client.lookup(request);
      store(key, fresh.data);
      return fresh;
    });
    return result as IpqsLookupResult<L>;
  }

  function prefetch(requests: readonly IpqsLookupRequest[]): void {
    const keys = [
      ...new Set(requests.map((request) => keyOf(request.lookup, request.value, request.params))),
    ].filter((key) => !readAhead.has(key));
    if (keys.length === 0) return;
    // one MGET for the lot; getMany never rejects (a Redis error reads as misses)
    const entries = cache.getMany(keys);
    keys.forEach((key, i) =>
      readAhead.set(
        key,
        entries.then((found) => found[i]),
      ),
    );
  }

  return {
    lookup: lookupOnce,
    prefetch,
    close: () => {
      readAhead.clear();
      client.close();
    },
    drain: async () => {
      while (writes.size > 0) await Promise.allSettled([...writes]);
    },
  };
}
