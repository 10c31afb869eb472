/**
 * An IPQS client in front of the shared result cache: a hit answers without a request (and without spending
 * the rate limit); a miss asks IPQS and stores the answer (successes only). Concurrent lookups of the same
 * value share one request.
 */
import type { IpqsClient, IpqsLookupRequest, IpqsLookupResult } from '../ipqs/client';
import type { LookupType } from '../ipqs/fields';
import { parseIpqsResponse } from '../ipqs/schemas';
import { cacheKey } from './result-cache';
import type { ResultCache } from './result-cache';
import { singleFlight } from './single-flight';

/** The cached client; `drain` waits for the cache writes still under way (call it before closing the cache). */
export interface CachedIpqsClient extends IpqsClient {
  drain(): Promise<void>;
}

export function withResultCache(client: IpqsClient, cache: ResultCache, apiKey: string): CachedIpqsClient {
  const flights = singleFlight<IpqsLookupResult>();
  const writes = new Set<Promise<void>>();

  // the answer is used at once; storing it is off the lookup's path (a write never rejects: see ResultCache)
  function store(key: string, data: IpqsLookupResult['data']): void {
    const write = cache.set(key, data).finally(() => writes.delete(write));
    writes.add(write);
  }

  async function lookupOnce<L extends LookupType>(
    request: IpqsLookupRequest<L>,
  ): Promise<IpqsLookupResult<L>> {
    const key = cacheKey(request.lookup, request.value, request.params, apiKey);
    const result = await flights.run(key, async () => {
      const hit = await cache.get(key);
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

  return {
    lookup: lookupOnce,
    close: () => client.close(),
    drain: async () => {
      while (writes.size > 0) await Promise.allSettled([...writes]);
    },
  };
}
