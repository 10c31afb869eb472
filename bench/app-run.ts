/**
 * One measured run of `node dist/main.js` as ThreatConnect runs it: in/out/log folders, an encrypted
 * param file, the indicators staged as a StringArray in the playbook context of a real Redis, and the
 * requested outputs read back after the run. Staging is done before the clock starts.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type Redis from 'ioredis';
import { pythonJsonDumps, randomKey, writeEncryptedParams } from '../test/helpers/param-file';
import { sampleVmHwm } from './peak-rss';

export const MAIN_JS = path.resolve(__dirname, '../dist/main.js');
export const BENCH_API_KEY = 'benchIpqsKey0123456789abcdefABCDEF';

const OUT_PREFIX = '#App:9876:';
const INPUT_VARIABLE = '#App:1:upstream.indicators!StringArray';
const GENERIC = [
  'indicator',
  'indicator_type',
  'score',
  'verdict',
  'verdict_reasons',
  'threat_rating',
  'error',
  'cached',
];
const IP_FIELDS = ['fraud_score', 'country_code', 'proxy', 'vpn', 'recent_abuse'];

/**
 * What a playbook downstream of the app typically asks for: the generic outputs as String and
 * StringArray (not the raw JSON), the counts, and a few IP fields.
 */
export const BENCH_OUTPUTS: readonly string[] = [
  ...GENERIC.flatMap((name) => [`ipqs.${name}!String`, `ipqs.${name}!StringArray`]),
  ...['count', 'success.count', 'error.count', 'high_risk.count'].map((name) => `ipqs.${name}!String`),
  'ipqs.high_risk.indicators!StringArray',
  ...IP_FIELDS.flatMap((name) => [`ipqs.ip.${name}!String`, `ipqs.ip.${name}!StringArray`]),
].map((output) => `${OUT_PREFIX}${output}`);

export interface AppRunSpec {
  readonly redis: Redis;
  readonly redisPort: number;
  readonly indicators: readonly string[];
  /** App params beyond the key and the indicators: ipqs_base_url, max_concurrency, ... */
  readonly app: Readonly<Record<string, unknown>>;
  /** Sample the child's VmHWM while it runs. */
  readonly sampleRss?: boolean;
  /** SIGKILL the child after this long (default 5 minutes). */
  readonly timeoutMs?: number;
}

/** A run staged and ready to start. */
export interface PreparedRun {
  readonly spec: AppRunSpec;
  readonly root: string;
  readonly context: string;
  readonly env: NodeJS.ProcessEnv;
}

export interface AppRunResult {
  readonly code: number | null;
  /** performance.now() at spawn and at exit. */
  readonly startedAt: number;
  readonly endedAt: number;
  readonly wallMs: number;
  readonly peakRssKb: number | undefined;
  readonly messageTc: string;
  readonly stderr: string;
  /** The ipqs.count and ipqs.success.count outputs the run wrote. */
  readonly count: number | undefined;
  readonly succeeded: number | undefined;
}

/** Writes the indicators to Redis and the encrypted param file; nothing is timed yet. */
export async function prepareRun(spec: AppRunSpec): Promise<PreparedRun> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ipqs-bench-'));
  const dirs = { in: path.join(root, 'in'), out: path.join(root, 'out'), log: path.join(root, 'log') };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  const context = `bench-${randomUUID()}`;
  await spec.redis.hset(context, INPUT_VARIABLE, pythonJsonDumps(spec.indicators));
  const params = {
    tc_kvstore_type: 'Redis',
    tc_kvstore_host: '127.0.0.1',
    tc_kvstore_port: spec.redisPort,
    tc_playbook_kvstore_context: context,
    tc_playbook_out_variables: BENCH_OUTPUTS.join(','),
    tc_in_path: dirs.in,
    tc_out_path: dirs.out,
    tc_log_path: dirs.log,
    tc_temp_path: root,
    tc_log_level: 'info',
    tc_api_path: 'http://127.0.0.1:9/api',
    tc_token: 'APIV2:1234:token-not-used-by-this-run',
    tc_verify: 'false',
    ipqs_api_key: BENCH_API_KEY,
    indicators: INPUT_VARIABLE,
    fail_on_error: false,
    ...spec.app,
  };
  const key = randomKey();
  const paramFile = writeEncryptedParams(dirs.in, params, key);
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TC_APP_PARAM_FILE: paramFile,
    TC_APP_PARAM_KEY: key,
  };
  return { spec, root, context, env };
}

async function countOutput(redis: Redis, context: string, name: string): Promise<number | undefined> {
  const stored = await redis.hget(context, `${OUT_PREFIX}${name}!String`);
  const value = stored === null ? Number.NaN : Number(JSON.parse(stored));
  return Number.isFinite(value) ? value : undefined;
}

function readMessageTc(root: string): string {
  try {
    return readFileSync(path.join(root, 'out', 'message.tc'), 'utf8').trim();
  } catch {
    return '';
  }
}

function spawnMain(prepared: PreparedRun): Promise<Omit<AppRunResult, 'messageTc' | 'count' | 'succeeded'>> {
  const { spec } = prepared;
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const child = spawn(process.execPath, [MAIN_JS], {
      cwd: prepared.root,
      env: prepared.env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const sampler = spec.sampleRss && child.pid !== undefined ? sampleVmHwm(child.pid) : undefined;
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const timeoutMs = spec.timeoutMs ?? 300_000;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      sampler?.stop();
      reject(error);
    });
    child.on('exit', (code) => {
      const endedAt = performance.now();
      clearTimeout(timer);
      const peakRssKb = sampler?.stop();
      resolve({ code, startedAt, endedAt, wallMs: endedAt - startedAt, peakRssKb, stderr });
    });
  });
}

/** Runs a prepared run to its exit, reads its counts back, and removes its context and folders. */
export async function startRun(prepared: PreparedRun): Promise<AppRunResult> {
  const { redis } = prepared.spec;
  const exit = await spawnMain(prepared);
  const result: AppRunResult = {
    ...exit,
    messageTc: readMessageTc(prepared.root),
    count: await countOutput(redis, prepared.context, 'ipqs.count'),
    succeeded: await countOutput(redis, prepared.context, 'ipqs.success.count'),
  };
  await redis.del(prepared.context);
  rmSync(prepared.root, { recursive: true, force: true });
  return result;
}

/** Prepares and runs one batch. */
export async function runApp(spec: AppRunSpec): Promise<AppRunResult> {
  return startRun(await prepareRun(spec));
}
