/**
 * The measured scenarios: one batch against a simulator, several processes at once sharing one Redis,
 * each a real `node dist/main.js` child. A run that exits non-zero breaks the bench (BenchError).
 */
import type Redis from 'ioredis';
import type { Simulator } from '../src/simulator';
import { prepareRun, startRun } from './app-run';
import { steadyRate } from './arrival-clock';
import type { ArrivalClock } from './arrival-clock';
import { checkExit } from './bench-error';
import { perSecond } from './figures';

/** A simulator with the clock that records its arrivals. */
export interface SimulatorTarget {
  readonly simulator: Simulator;
  readonly clock: ArrivalClock;
  readonly latencyMs: number;
}

export interface BenchEnv {
  readonly redis: Redis;
  readonly redisPort: number;
}

export interface BatchMeasure {
  readonly indicators: number;
  /** ipqs.success.count of the run. */
  readonly succeeded: number;
  /** Lookups the simulator received during the run. */
  readonly requests: number;
  readonly requestsByEndpoint: Readonly<Record<string, number>>;
  /** Spawn to exit of the child. */
  readonly wallMs: number;
  /** Indicators per wall second, process start and exit included. */
  readonly wallPerSecond: number;
  /** Requests per second from the first arrival to the last answer (see `steadyRate`). */
  readonly steadyPerSecond: number | undefined;
  readonly peakPerSecond: number;
  readonly peakRssKb: number | undefined;
}

/** Runs one batch against `target` and measures it from both sides. */
export async function measureBatch(
  label: string,
  env: BenchEnv,
  target: SimulatorTarget,
  indicators: readonly string[],
  app: Readonly<Record<string, unknown>>,
  options: { sampleRss?: boolean } = {},
): Promise<BatchMeasure> {
  const prepared = await prepareRun({
    redis: env.redis,
    redisPort: env.redisPort,
    indicators,
    app: { ipqs_base_url: target.simulator.url, ...app },
    ...(options.sampleRss ? { sampleRss: true } : {}),
  });
  target.simulator.resetStats();
  target.clock.reset();
  const result = await startRun(prepared);
  checkExit(label, result);
  const stats = target.simulator.stats();
  return {
    indicators: indicators.length,
    succeeded: result.succeeded ?? 0,
    requests: stats.requests.total,
    requestsByEndpoint: stats.requests.byEndpoint,
    wallMs: result.wallMs,
    wallPerSecond: perSecond(indicators.length, result.wallMs),
    steadyPerSecond: steadyRate(target.clock.window(), target.latencyMs),
    peakPerSecond: stats.peakPerSecond,
    peakRssKb: result.peakRssKb,
  };
}

export interface ParallelMeasure {
  readonly processes: number;
  readonly indicators: number;
  readonly succeeded: number;
  readonly requests: number;
  /** First spawn to last exit. */
  readonly spanMs: number;
  /** Requests over the span. */
  readonly combinedPerSecond: number;
  readonly peakPerSecond: number;
  readonly byStatus: Readonly<Record<string, number>>;
}

/** Starts one child per batch at the same moment, all sharing `env.redis`, and measures them together. */
export async function measureParallel(
  label: string,
  env: BenchEnv,
  target: SimulatorTarget,
  batches: readonly (readonly string[])[],
  app: Readonly<Record<string, unknown>>,
): Promise<ParallelMeasure> {
  const prepared = await Promise.all(
    batches.map((indicators) =>
      prepareRun({
        redis: env.redis,
        redisPort: env.redisPort,
        indicators,
        app: { ipqs_base_url: target.simulator.url, ...app },
      }),
    ),
  );
  target.simulator.resetStats();
  target.clock.reset();
  const results = await Promise.all(prepared.map((run) => startRun(run)));
  results.forEach((result, index) => checkExit(`${label} (process ${index + 1})`, result));
  const stats = target.simulator.stats();
  const spanMs =
    Math.max(...results.map((result) => result.endedAt)) -
    Math.min(...results.map((result) => result.startedAt));
  return {
    processes: batches.length,
    indicators: batches.reduce((sum, batch) => sum + batch.length, 0),
    succeeded: results.reduce((sum, result) => sum + (result.succeeded ?? 0), 0),
    requests: stats.requests.total,
    spanMs,
    combinedPerSecond: perSecond(stats.requests.total, spanMs),
    peakPerSecond: stats.peakPerSecond,
    byStatus: stats.requests.byStatus,
  };
}
