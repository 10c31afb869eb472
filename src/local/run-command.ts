/**
 * `ipqs-tc run [app_inputs.json]`: a local playbook run in the `tcex run` file format. Upstream values in
 * `stage.kvstore` are staged into the embedded in-memory store (or a real Redis with --redis), the app runs
 * the same pipeline as in ThreatConnect, and the outputs it wrote are printed as a table or JSON.
 */
import Redis from 'ioredis';
import { enrich } from '../app';
import { SecretRegistry } from '../logging/secrets';
import { startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import type { MockKvData } from '../tc/kvstore/kv-store-mock';
import { loadLocalConfig } from '../tc/params';
import { deserializeValue, serializeValue } from '../tc/playbook/serialize';
import { parseVariable } from '../tc/playbook/variable';
import { runPlaybookApp } from '../runtime/run-playbook-app';
import { LOCAL_JOB_ID, localParams, redisTarget } from './local-params';
import type { LocalKvTarget } from './local-params';

export interface RunCommandOptions {
  readonly configPath: string;
  readonly redisUrl?: string;
  readonly json?: boolean;
  readonly verbose?: boolean;
  /** Start the IPQS simulator in-process and point the app at it (no key, no network). */
  readonly simulate?: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly out: (text: string) => void;
}

type Stored = ReadonlyArray<readonly [string, string]>;

function serializeStage(kvstore: Readonly<Record<string, unknown>>): Stored {
  return Object.entries(kvstore).flatMap(([variable, value]) => {
    const type = parseVariable(variable)?.type ?? 'String';
    const stored = serializeValue(type, value, variable);
    return stored === undefined ? [] : [[variable, stored] as const];
  });
}

function redisFor(target: LocalKvTarget): Redis {
  return new Redis({
    host: target.host ?? '127.0.0.1',
    port: target.port ?? 6379,
    db: target.db ?? 0,
    ...(target.user ? { username: target.user } : {}),
    ...(target.password ? { password: target.password } : {}),
    lazyConnect: true,
    maxRetriesPerRequest: 1,
  });
}

/** The outputs the run wrote (its own `#App:9876:` variables), decoded for display. */
function outputsOf(fields: Iterable<readonly [string, string]>): Record<string, unknown> {
  const outputs: Record<string, unknown> = {};
  for (const [variable, stored] of fields) {
    const parsed = parseVariable(variable);
    if (parsed?.jobId !== LOCAL_JOB_ID) continue;
    outputs[variable] = deserializeValue(parsed.type, stored, variable);
  }
  return outputs;
}

function display(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function table(outputs: Record<string, unknown>): string {
  const rows = Object.entries(outputs).map(([variable, value]) => {
    const parsed = parseVariable(variable);
    const name = parsed ? `${parsed.key} (${parsed.type})` : variable;
    return [name, display(value)] as const;
  });
  const width = Math.max(6, ...rows.map(([name]) => name.length));
  return [
    `${'output'.padEnd(width)}  value`,
    ...rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`),
  ].join('\n');
}

export async function runCommand(options: RunCommandOptions): Promise<number> {
  const config = loadLocalConfig(options.configPath, options.env);
  const target: LocalKvTarget = options.redisUrl ? redisTarget(options.redisUrl) : { type: 'Mock' };
  const simulator: Simulator | undefined = options.simulate ? await startSimulator() : undefined;
  const params = localParams(config.inputs, target);
  if (simulator) params.ipqs_base_url = simulator.url;
  const context = String(params.tc_playbook_kvstore_context);
  const staged = serializeStage(config.stage.kvstore);

  const secrets = new SecretRegistry();
  const mockData: MockKvData = new Map([[context, new Map(staged)]]);
  const redis = target.type === 'Redis' ? redisFor(target) : undefined;
  try {
    if (redis && staged.length > 0) await redis.hset(context, Object.fromEntries(staged));
    const result = await runPlaybookApp({
      env: options.env,
      argv: [],
      params,
      mockData,
      enrich,
      handleSignals: true,
      verbose: options.verbose ?? false,
      secrets,
    });
    const fields = redis ? Object.entries(await redis.hgetall(context)) : [...(mockData.get(context) ?? [])];
    const outputs = outputsOf(fields);
    const text = options.json
      ? JSON.stringify({ exitCode: result.exitCode, message: result.message, outputs }, null, 2)
      : `${table(outputs)}\n\n${result.message} (exit code ${result.exitCode})`;
    options.out(secrets.redact(text));
    return result.exitCode;
  } finally {
    redis?.disconnect();
    await simulator?.close();
  }
}
