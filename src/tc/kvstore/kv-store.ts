/**
 * The key-value store a playbook run reads its inputs from and writes its outputs to (tcex
 * `KeyValueABC`), bound to one playbook context (the Redis hash `tc_playbook_kvstore_context`).
 */
import { KvStoreError } from '../../errors';

export type KvStoreKind = 'Redis' | 'TCKeyValueAPI' | 'Mock';

/** One playbook context of the KV store; values are the stored (serialized) strings. */
export interface KvStore {
  readonly kind: KvStoreKind;
  /** The raw stored string of `key` (a full playbook variable), or null when it is not set. */
  read(key: string): Promise<string | null>;
  /** Writes every entry in one round trip where the backend allows it (Redis: one HSET). */
  write(entries: ReadonlyArray<readonly [string, string]>): Promise<void>;
  /** Releases the connection; safe to call more than once. */
  close(): Promise<void>;
}

/** A read or write the store could not do; `reason` says why without the keys and context of the message. */
export class KvStoreOperationError extends KvStoreError {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}
