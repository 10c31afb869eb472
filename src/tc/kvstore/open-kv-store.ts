/**
 * Opens the KV store `tc_kvstore_type` names (tcex `KeyValueStore.client`): Redis, the TC key-value API,
 * or the embedded in-memory Mock of local runs.
 */
import type { AxiosInstance } from 'axios';
import { KvStoreError } from '../../errors';
import type { KvStore } from './kv-store';
import { ApiKvStore } from './kv-store-api';
import { MockKvStore } from './kv-store-mock';
import type { MockKvData } from './kv-store-mock';
import { RedisKvStore } from './kv-store-redis';
import type { RedisKvOptions } from './kv-store-redis';

/** The KV-store params of a run, already validated and typed: for Redis, its connection as well. */
export type KvStoreSettings = Partial<Omit<RedisKvOptions, 'context'>> & {
  readonly type: 'Redis' | 'TCKeyValueAPI' | 'Mock';
  /** `tc_playbook_kvstore_context`: the hash (or API context) of this execution. */
  readonly context: string;
  /** Required for TCKeyValueAPI. */
  readonly tcApi?: AxiosInstance;
  /** The Mock store's data; a fresh map when omitted. */
  readonly mockData?: MockKvData;
};

/** Opens (and for Redis, verifies) the store; bad settings or an unreachable store are a `KvStoreError`. */
export async function openKvStore(settings: KvStoreSettings): Promise<KvStore> {
  if (!settings.context) {
    throw new KvStoreError('KV store: tc_playbook_kvstore_context is missing: there is no playbook context');
  }
  switch (settings.type) {
    case 'Redis':
      return RedisKvStore.connect({
        ...settings,
        host: settings.host || 'localhost',
        port: settings.port ?? 6379,
      });
    case 'TCKeyValueAPI':
      if (!settings.tcApi) {
        throw new KvStoreError('KV store: TCKeyValueAPI needs the TC API (tc_api_path and credentials)');
      }
      return new ApiKvStore(settings.tcApi, settings.context);
    case 'Mock':
      return new MockKvStore(settings.context, settings.mockData);
    default:
      throw new KvStoreError(`KV store: invalid tc_kvstore_type ${String(settings.type)}`);
  }
}
