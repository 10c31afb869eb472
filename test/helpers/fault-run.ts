// The fault matrix's harness: runs node dist/main.js over one batch against a simulator of its own (so
// its request counts and flaky values are the run's alone) and reads back what the run wrote to the
// Redis playbook context.
import type Redis from 'ioredis';
import { startSimulator } from '../../src/simulator';
import type { SimulatorStats } from '../../src/simulator';
import { platformParams, runMain, tcRunDirs } from './tc-run';

const JOB = '#App:7:';
const STRING_ARRAYS = ['indicator', 'error', 'score', 'verdict'] as const;
const STRINGS = ['success.count', 'error.count'] as const;

/** The outputs a fault run requests, read back from Redis (`null` = not written). */
export interface FaultOutputs {
  readonly indicator: readonly (string | null)[] | null;
  readonly error: readonly (string | null)[] | null;
  readonly score: readonly (string | null)[] | null;
  readonly verdict: readonly (string | null)[] | null;
  readonly 'success.count': string | null;
  readonly 'error.count': string | null;
}

export interface FaultRun {
  readonly code: number | null;
  readonly messageTc: string | undefined;
  readonly stderr: string;
  /** The simulator's counters after the run. */
  readonly stats: SimulatorStats;
  readonly outputs: FaultOutputs;
}

const variable = (name: string, type: string): string => `${JOB}ipqs.${name}!${type}`;

async function readOutputs(redis: Redis, context: string): Promise<FaultOutputs> {
  const read = async (name: string, type: string): Promise<unknown> => {
    const raw = await redis.hget(context, variable(name, type));
    // the playbook serialization of a String or StringArray is JSON (Python's json.dumps)
    return raw === null ? null : (JSON.parse(raw) as unknown);
  };
  const entries = await Promise.all([
    ...STRING_ARRAYS.map(async (name) => [name, await read(name, 'StringArray')] as const),
    ...STRINGS.map(async (name) => [name, await read(name, 'String')] as const),
  ]);
  return Object.fromEntries(entries) as unknown as FaultOutputs;
}

/**
 * Runs the playbook app over `indicators` (newline-separated) against a fresh simulator with the app
 * params `app` (the key, the base URL and the requested outputs are filled in), then closes the
 * simulator and returns the exit, message.tc, the simulator's stats and the written outputs.
 */
export async function runAgainstSimulator(
  redis: Redis,
  indicators: readonly string[],
  app: Readonly<Record<string, unknown>>,
): Promise<FaultRun> {
  const simulator = await startSimulator();
  try {
    const dirs = tcRunDirs();
    const requested = [
      ...STRING_ARRAYS.map((name) => variable(name, 'StringArray')),
      ...STRINGS.map((name) => variable(name, 'String')),
    ];
    const result = await runMain(dirs, {
      ...platformParams(dirs, requested),
      ipqs_api_key: 'fault-matrix-key-0123456789',
      ipqs_base_url: simulator.url,
      indicators: indicators.join('\n'),
      ...app,
    });
    return {
      code: result.code,
      messageTc: result.messageTc,
      stderr: result.stderr,
      stats: simulator.stats(),
      outputs: await readOutputs(redis, dirs.context),
    };
  } finally {
    await simulator.close();
  }
}
