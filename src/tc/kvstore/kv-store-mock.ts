/**
 * The embedded in-memory KV store (`tc_kvstore_type` Mock) of local runs: `{context: {key: value}}`, which
 * the local runner pre-stages with upstream values and reads back to show the outputs written.
 */
import type { KvStore } from './kv-store';

/** Contexts to their fields and stored strings. */
export type MockKvData = Map<string, Map<string, string>>;

/** A `KvStore` over a `MockKvData` map shared with the caller. */
export class MockKvStore implements KvStore {
  readonly kind = 'Mock';

  constructor(
    private readonly context: string,
    readonly data: MockKvData = new Map(),
  ) {}

  read(key: string): Promise<string | null> {
    return Promise.resolve(this.data.get(this.context)?.get(key) ?? null);
  }

  write(entries: ReadonlyArray<readonly [string, string]>): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    let fields = this.data.get(this.context);
    if (!fields) {
      fields = new Map();
      this.data.set(this.context, fields);
    }
    for (const [key, value] of entries) fields.set(key, value);
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
