/**
 * The TC key-value API store (`tc_kvstore_type` TCKeyValueAPI, tcex `KeyValueApi`): each variable is a
 * resource `{apiPath}/internal/playbooks/keyValue/{context}/{variable}` read with GET and written with
 * PUT (application/octet-stream). The API has no batch write, so `write` sends its PUTs in parallel.
 */
import type { AxiosInstance } from 'axios';
import { KvStoreError, TcApiError, errorMessage } from '../../errors';
import { KvStoreOperationError } from './kv-store';
import type { KvStore } from './kv-store';

/** Python's `quote(text, safe='~')`: everything but `A-Za-z0-9_.-~` percent-encoded as UTF-8. */
export function quotePathSegment(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** A `KvStore` over the TC API client (which signs the requests). */
export class ApiKvStore implements KvStore {
  readonly kind = 'TCKeyValueAPI';

  constructor(
    private readonly tcApi: AxiosInstance,
    private readonly context: string,
  ) {}

  private url(key: string): string {
    return `/internal/playbooks/keyValue/${quotePathSegment(this.context)}/${quotePathSegment(key)}`;
  }

  async read(key: string): Promise<string | null> {
    try {
      const response = await this.tcApi.get<ArrayBuffer>(this.url(key), { responseType: 'arraybuffer' });
      const text = Buffer.from(response.data).toString('utf8');
      return text.length > 0 ? text : null;
    } catch (error) {
      if (error instanceof TcApiError && error.status === 404) return null;
      throw new KvStoreError(`KV store: TC API read of ${key} failed (${errorMessage(error)})`);
    }
  }

  async write(entries: ReadonlyArray<readonly [string, string]>): Promise<void> {
    await Promise.all(
      entries.map(async ([key, value]) => {
        try {
          await this.tcApi.put(this.url(key), Buffer.from(value, 'utf8'), {
            headers: { 'Content-Type': 'application/octet-stream' },
          });
        } catch (error) {
          const reason = errorMessage(error);
          throw new KvStoreOperationError(`KV store: TC API write of ${key} failed (${reason})`, reason);
        }
      }),
    );
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
