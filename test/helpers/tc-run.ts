// Sets up what ThreatConnect gives a playbook app (in/out/log folders, an encrypted param file, a Redis
// context) and runs node dist/main.js in a child process, then exposes what the run left behind.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomKey, writeEncryptedParams } from './param-file';
import { redisHostPort, testRedis, uniqueContext } from './redis';
import { runNode } from './run-main';
import type { RunNodeResult } from './run-main';
import type Redis from 'ioredis';
import { startSimulator } from '../../src/simulator';
import type { Simulator } from '../../src/simulator';

export const MAIN_JS = path.resolve(__dirname, '../../dist/main.js');

export interface TcRunDirs {
  readonly root: string;
  readonly inPath: string;
  readonly outPath: string;
  readonly logPath: string;
  readonly context: string;
}

export function tcRunDirs(): TcRunDirs {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ipqs-tc-run-'));
  return {
    root,
    inPath: path.join(root, 'in'),
    outPath: path.join(root, 'out'),
    logPath: path.join(root, 'log'),
    context: uniqueContext('main'),
  };
}

/** The tc_* params the platform sends for a Redis-backed playbook run. */
export function platformParams(dirs: TcRunDirs, outVariables: readonly string[]): Record<string, unknown> {
  const { host, port } = redisHostPort();
  return {
    tc_kvstore_type: 'Redis',
    tc_kvstore_host: host,
    tc_kvstore_port: port,
    tc_playbook_kvstore_context: dirs.context,
    tc_playbook_out_variables: outVariables.join(','),
    tc_in_path: dirs.inPath,
    tc_out_path: dirs.outPath,
    tc_log_path: dirs.logPath,
    tc_temp_path: dirs.root,
    tc_log_level: 'trace',
    tc_api_path: 'http://127.0.0.1:9/api',
    tc_token: 'APIV2:1234:token-not-used-by-this-run',
    tc_verify: 'false',
  };
}

export interface TcRunResult extends RunNodeResult {
  readonly paramFile: string;
  readonly messageTc: string | undefined;
  /** Every log file of the run, concatenated. */
  readonly logText: string;
}

export function readMessageTc(outPath: string): string | undefined {
  const file = path.join(outPath, 'message.tc');
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

export function readLogs(logPath: string): string {
  if (!existsSync(logPath)) return '';
  return readdirSync(logPath)
    .filter((name) => !name.endsWith('.gz'))
    .map((name) => readFileSync(path.join(logPath, name), 'utf8'))
    .join('\n');
}

/** Encrypts `params` into `dirs.inPath` and runs dist/main.js as ThreatConnect would. */
export async function runMain(
  dirs: TcRunDirs,
  params: Record<string, unknown>,
  options: { keyLength?: 16 | 24 | 32; env?: NodeJS.ProcessEnv; signalOnOutput?: string | RegExp } = {},
): Promise<TcRunResult> {
  const key = randomKey(options.keyLength ?? 16);
  mkdirSync(dirs.inPath, { recursive: true });
  const paramFile = writeEncryptedParams(dirs.inPath, params, key);
  const result = await runNode(MAIN_JS, {
    cwd: dirs.root,
    env: { TC_APP_PARAM_FILE: paramFile, TC_APP_PARAM_KEY: key, ...options.env },
    ...(options.signalOnOutput ? { signalOnOutput: options.signalOnOutput } : {}),
  });
  return { ...result, paramFile, messageTc: readMessageTc(dirs.outPath), logText: readLogs(dirs.logPath) };
}

/**
 * Resolves once `simulator` has received `count` lookups, or once `run` settled without that many (so a
 * fault injected on the way never waits for a run that is over). Polls the counters; nothing is timed.
 */
export async function whenRequests(
  simulator: Pick<Simulator, 'stats'>,
  count: number,
  run: Promise<unknown>,
): Promise<void> {
  let over = false;
  void run.then(
    () => (over = true),
    () => (over = true),
  );
  while (!over && simulator.stats().requests.total < count) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** What an end-to-end test file runs against: a client of the test Redis and a simulator over HTTP. */
export interface RunTargets {
  readonly redis: Redis;
  readonly simulator: Simulator;
}

/**
 * Opens the test Redis and starts a simulator before the calling file's (or describe block's) tests, and
 * closes both after them. Read the fields inside tests and hooks: they are set once `beforeAll` has run.
 */
export function redisAndSimulator(): RunTargets {
  const targets = {} as { redis: Redis; simulator: Simulator };
  beforeAll(async () => {
    targets.redis = testRedis();
    targets.simulator = await startSimulator();
  });
  afterAll(async () => {
    await targets.redis.quit();
    await targets.simulator.close();
  });
  return targets;
}
