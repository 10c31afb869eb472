/**
 * The steps of a run that turn validated tc_* params into live parts: log settings, the TC API client,
 * the KV store, and the app params with their playbook and TC variables resolved.
 */
import type { AxiosInstance } from 'axios';
import type { LogLevel } from '../logging/log';
import type { SecretRegistry } from '../logging/secrets';
import type { KvStore } from '../tc/kvstore/kv-store';
import type { MockKvData } from '../tc/kvstore/kv-store-mock';
import { openKvStore } from '../tc/kvstore/open-kv-store';
import { redisConnectionOf } from '../tc/kvstore/redis-settings';
import { LOG_LEVELS } from '../tc/params';
import type { InstallParamSpec, TcParams } from '../tc/params';
import { PlaybookReader } from '../tc/playbook/playbook-reader';
import { createTcApiClient } from '../tc/tc-api';
import { proxyFor } from './proxy';

/** Where and how to log, read leniently before the params are validated (so a validation failure is logged too). */
export function logSettings(params: Readonly<Record<string, unknown>>): {
  logPath: string;
  logFile: string;
  level: LogLevel;
  maxBytes?: number;
  backupCount?: number;
} {
  const text = (name: string): string | undefined => {
    const value = params[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const integer = (name: string): number | undefined => {
    const value = Number(params[name]);
    return Number.isInteger(value) && value >= 0 ? value : undefined;
  };
  const requested = text('tc_log_level')
    ?.toLowerCase()
    .replace(/^warn$/, 'warning');
  const level = LOG_LEVELS.find((candidate) => candidate === requested) ?? 'info';
  const maxBytes = integer('tc_log_max_bytes');
  const backupCount = integer('tc_log_backup_count');
  return {
    logPath: text('tc_log_path') ?? 'log',
    logFile: text('tc_log_file') ?? 'app.log',
    level,
    ...(maxBytes === undefined ? {} : { maxBytes }),
    ...(backupCount === undefined ? {} : { backupCount }),
  };
}

/** The TC API client when the run has an API path (TC variables, the TCKeyValueAPI store). */
export function tcApiFor(tc: TcParams): AxiosInstance | undefined {
  if (!tc.tc_api_path) return undefined;
  const proxy = proxyFor(tc, tc.tc_proxy_tc);
  return createTcApiClient({
    apiPath: tc.tc_api_path,
    ...(tc.tc_token ? { token: tc.tc_token } : {}),
    ...(tc.tc_api_access_id ? { accessId: tc.tc_api_access_id } : {}),
    ...(tc.tc_api_secret_key ? { secretKey: tc.tc_api_secret_key } : {}),
    verify: tc.tc_verify,
    ...(proxy ? { proxy } : {}),
  });
}

/** Opens the playbook KV store the params name. */
export function openRunKvStore(
  tc: TcParams,
  tcApi: AxiosInstance | undefined,
  mockData: MockKvData | undefined,
): Promise<KvStore> {
  return openKvStore({
    type: tc.tc_kvstore_type,
    context: tc.tc_playbook_kvstore_context ?? (tc.tc_kvstore_type === 'Mock' ? 'local' : ''),
    ...redisConnectionOf(tc),
    db: tc.tc_playbook_kvstore_id,
    ...(tcApi ? { tcApi } : {}),
    ...(mockData ? { mockData } : {}),
  });
}

/**
 * The app params with every playbook variable read from the KV store and every TC variable resolved
 * through the API (tcex `contents_resolved`); tc_* params are left as they are.
 */
export async function resolveAppParams(
  params: Readonly<Record<string, unknown>>,
  spec: readonly InstallParamSpec[],
  kv: KvStore,
  tcApi: AxiosInstance | undefined,
  secrets: SecretRegistry,
): Promise<Record<string, unknown>> {
  const reader = new PlaybookReader({ kv, secrets, ...(tcApi ? { tcApi } : {}) });
  const resolved: Record<string, unknown> = { ...params };
  for (const { name } of spec) {
    if (params[name] !== undefined) resolved[name] = await reader.resolveInput(params[name]);
  }
  return resolved;
}
