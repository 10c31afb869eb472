/**
 * The standard `tc_*` params ThreatConnect passes to every playbook run (contract §3.4), validated once
 * with tcex's defaults. Unknown keys are ignored; numbers and booleans may arrive as strings.
 */
import os from 'node:os';
import { z } from 'zod';
import { InputValidationError, type InputIssue } from '../../errors';
import type { LogLevel } from '../../logging/log';
import {
  booleanValue,
  fail,
  httpUrl,
  integerIn,
  issuesByParam,
  ok,
  oneOf,
  optional,
  secretValue,
  stringValue,
  withDefault,
  type Check,
} from './fields';
import { isBlank } from './values';

/** Values of tc_log_level, in rising severity. */
export const LOG_LEVELS = [
  'trace',
  'debug',
  'info',
  'warning',
  'error',
  'critical',
] as const satisfies readonly LogLevel[];
/** Values of tc_kvstore_type (Mock is for local runs only). */
export const KVSTORE_TYPES = ['Redis', 'TCKeyValueAPI', 'Mock'] as const;
export type KvStoreType = (typeof KVSTORE_TYPES)[number];

const port = integerIn(1, 65535);

/** A list of strings or one comma-separated string, as a trimmed list without empty entries. */
const variableList: Check<string[]> = (value) => {
  const items = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(items) || items.some((item) => typeof item !== 'string')) {
    return fail('must be a list of strings or a comma-separated string');
  }
  return ok((items as string[]).map((item) => item.trim()).filter((item) => item !== ''));
};

const tcParamsSchema = z.object({
  tc_api_path: optional(httpUrl),
  tc_token: optional(secretValue),
  tc_token_expires: optional(integerIn(0)),
  tc_api_access_id: optional(stringValue),
  tc_api_secret_key: optional(secretValue),
  tc_verify: withDefault(booleanValue, true),
  tc_in_path: withDefault(stringValue, os.tmpdir()),
  tc_out_path: withDefault(stringValue, os.tmpdir()),
  tc_temp_path: withDefault(stringValue, os.tmpdir()),
  tc_log_path: withDefault(stringValue, 'log'),
  tc_log_file: withDefault(stringValue, 'app.log'),
  // the playbook UI says WARN where tcex says warning
  tc_log_level: withDefault(oneOf(LOG_LEVELS, { warn: 'warning' }), 'info'),
  tc_log_max_bytes: withDefault(integerIn(0), 10_485_760),
  tc_log_backup_count: withDefault(integerIn(0), 25),
  tc_proxy_host: optional(stringValue),
  tc_proxy_port: optional(port),
  tc_proxy_username: optional(stringValue),
  tc_proxy_password: optional(secretValue),
  tc_proxy_tc: withDefault(booleanValue, false),
  tc_proxy_external: withDefault(booleanValue, false),
  tc_kvstore_type: withDefault(oneOf(KVSTORE_TYPES), 'Redis'),
  tc_kvstore_host: withDefault(stringValue, 'localhost'),
  tc_kvstore_port: withDefault(port, 6379),
  tc_kvstore_user: optional(stringValue),
  tc_kvstore_pass: optional(secretValue),
  tc_kvstore_tls_enabled: withDefault(booleanValue, false),
  tc_kvstore_tls_port: withDefault(port, 6379),
  tc_playbook_kvstore_id: withDefault(integerIn(0), 0),
  tc_cache_kvstore_id: withDefault(integerIn(0), 10),
  tc_playbook_kvstore_context: optional(stringValue),
  tc_playbook_out_variables: withDefault(variableList, []),
  tc_svc_broker_cacert_file: optional(stringValue),
  tc_svc_broker_cert_file: optional(stringValue),
  tc_svc_broker_key_file: optional(stringValue),
  tc_job_id: optional(stringValue),
  tc_user_id: optional(stringValue),
});

/** The validated standard params; field names are the param names. */
export type TcParams = z.output<typeof tcParamsSchema>;

/** Params that only some KV store types need; checked on the raw values so every issue is reported at once. */
function kvStoreIssues(raw: Readonly<Record<string, unknown>>): InputIssue[] {
  const type = tcParamsSchema.shape.tc_kvstore_type.safeParse(raw.tc_kvstore_type);
  if (!type.success || type.data === 'Mock') return [];
  const issues: InputIssue[] = [];
  if (isBlank(raw.tc_playbook_kvstore_context)) {
    issues.push({
      name: 'tc_playbook_kvstore_context',
      reason: `required when tc_kvstore_type is ${type.data}`,
    });
  }
  if (type.data === 'TCKeyValueAPI' && isBlank(raw.tc_api_path)) {
    issues.push({ name: 'tc_api_path', reason: 'required when tc_kvstore_type is TCKeyValueAPI' });
  }
  return issues;
}

/**
 * Validates the standard params (already alias-normalized) and fills tcex's defaults. Throws
 * InputValidationError with one issue per bad param, all of them together.
 */
export function parseTcParams(raw: Readonly<Record<string, unknown>>): TcParams {
  const result = tcParamsSchema.safeParse(raw);
  const order = Object.keys(tcParamsSchema.shape);
  const issues = [...(result.success ? [] : issuesByParam(result.error)), ...kvStoreIssues(raw)].sort(
    (a, b) => order.indexOf(a.name) - order.indexOf(b.name),
  );
  if (issues.length > 0 || !result.success) throw new InputValidationError(issues);
  return result.data;
}
