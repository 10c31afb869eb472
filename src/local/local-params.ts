/**
 * The params a local run adds to the config file's inputs, as `tcex run` does: a fresh context, every
 * output requested (under job id 9876), and local log and out folders; the config file's values win.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { outputVariables } from '../outputs/output-table';

export const LOCAL_JOB_ID = '9876';

export interface LocalKvTarget {
  readonly type: 'Mock' | 'Redis';
  readonly host?: string;
  readonly port?: number;
  readonly db?: number;
  readonly user?: string;
  readonly password?: string;
}

export function allOutputsRequested(): string[] {
  return outputVariables().map(({ name, type }) => `#App:${LOCAL_JOB_ID}:${name}!${type}`);
}

export function localParams(
  inputs: Readonly<Record<string, unknown>>,
  kv: LocalKvTarget,
): Record<string, unknown> {
  const outPath = mkdtempSync(path.join(os.tmpdir(), 'ipqs-tc-out-'));
  return {
    tc_kvstore_type: kv.type,
    ...(kv.host ? { tc_kvstore_host: kv.host } : {}),
    ...(kv.port ? { tc_kvstore_port: kv.port } : {}),
    ...(kv.db !== undefined ? { tc_playbook_kvstore_id: kv.db } : {}),
    ...(kv.user ? { tc_kvstore_user: kv.user } : {}),
    ...(kv.password ? { tc_kvstore_pass: kv.password } : {}),
    tc_playbook_kvstore_context: randomUUID(),
    tc_playbook_out_variables: allOutputsRequested(),
    tc_log_path: 'log',
    tc_log_level: 'info',
    tc_out_path: outPath,
    tc_in_path: outPath,
    tc_temp_path: os.tmpdir(),
    ...inputs,
  };
}

/** Reads `redis://[user:pass@]host:port[/db]` into a KV target. */
export function redisTarget(url: string): LocalKvTarget {
  const parsed = new URL(url);
  const db = parsed.pathname.replace(/^\//, '');
  return {
    type: 'Redis',
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    ...(db ? { db: Number(db) } : {}),
    ...(parsed.username ? { user: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
  };
}
