/**
 * `npm run bench`: starts a real redis-server and the IPQS simulator in-process (latency 25 ms), runs
 * `node dist/main.js` as ThreatConnect would for each figure of issue 5, prints the table and writes
 * bench/results.json. Exits 0 when it measured (targets missed or not), 1 when it could not measure.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { startSimulator } from '../src/simulator';
import { startRedisServer } from '../test/helpers/redis-server';
import type { RedisServer } from '../test/helpers/redis-server';
import { MAIN_JS } from './app-run';
import { ArrivalClock } from './arrival-clock';
import { BenchError } from './bench-error';
import { benchFigures } from './bench-figures';
import type { Measurements } from './bench-figures';
import { measureColdStart } from './cold-start';
import { indicatorAt, mixedIndicators } from './indicators';
import { formatTable, machine, writeResults } from './report';
import { measureBatch, measureParallel } from './scenarios';
import type { BatchMeasure, BenchEnv, SimulatorTarget } from './scenarios';
import { SERIALS, SETTINGS } from './settings';

const RESULTS_FILE = path.resolve(__dirname, 'results.json');

function progress(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

async function simulatorTarget(latencyMs: number): Promise<SimulatorTarget> {
  const clock = new ArrivalClock();
  const simulator = await startSimulator({ latencyMs, now: clock.now });
  return { simulator, clock, latencyMs };
}

async function startRedis(): Promise<RedisServer> {
  try {
    return await startRedisServer();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BenchError(`redis-server could not start (is it on PATH?): ${reason}`);
  }
}

async function measureAll(
  env: BenchEnv,
  slow: SimulatorTarget,
  fast: SimulatorTarget,
): Promise<Measurements> {
  const batch = mixedIndicators(SETTINGS.batch, SERIALS.batch);
  const cached = { max_concurrency: SETTINGS.concurrency, cache_ttl_minutes: SETTINGS.cacheTtlMinutes };

  const throughputRuns: BatchMeasure[] = [];
  for (let run = 0; run < SETTINGS.throughputRuns; run += 1) {
    progress(
      `${SETTINGS.batch} mixed indicators, concurrency ${SETTINGS.concurrency}, no rate limit ` +
        `(run ${run + 1} of ${SETTINGS.throughputRuns})`,
    );
    const indicators =
      run === 0
        ? batch
        : mixedIndicators(SETTINGS.batch, SERIALS.moreThroughputRuns + (run - 1) * SETTINGS.batch);
    throughputRuns.push(
      await measureBatch('throughput', env, slow, indicators, { ...cached, max_requests_per_second: 0 }),
    );
  }

  progress('the first batch again (cache)');
  const cachedRerun = await measureBatch('cached re-run', env, slow, batch, cached);

  progress(`${SETTINGS.oneAtATimeSample} indicators one at a time`);
  const oneAtATime = await measureBatch(
    'one at a time',
    env,
    slow,
    mixedIndicators(SETTINGS.oneAtATimeSample, SERIALS.oneAtATime),
    { ...cached, max_concurrency: 1 },
  );

  progress(
    `${SETTINGS.processes} processes sharing one Redis, max_requests_per_second ${SETTINGS.maxRequestsPerSecond}`,
  );
  const batches = Array.from({ length: SETTINGS.processes }, (_, k) =>
    mixedIndicators(SETTINGS.perProcess, SERIALS.processes + k * SETTINGS.perProcess),
  );
  const processes = await measureParallel('processes', env, slow, batches, {
    ...cached,
    max_requests_per_second: SETTINGS.maxRequestsPerSecond,
  });

  progress(`cold start, ${SETTINGS.coldStartRuns} runs each`);
  const coldStart = await measureColdStart(env, slow, SETTINGS.coldStartRuns, (run) =>
    indicatorAt(SERIALS.coldStart + 20 * run),
  );

  progress(
    `${SETTINGS.memoryBatch} indicators, concurrency ${SETTINGS.memoryConcurrency}, latency 0 (peak RSS)`,
  );
  const memory = await measureBatch(
    'peak RSS',
    env,
    fast,
    mixedIndicators(SETTINGS.memoryBatch, SERIALS.memory),
    { max_concurrency: SETTINGS.memoryConcurrency, cache_ttl_minutes: SETTINGS.cacheTtlMinutes },
    { sampleRss: true },
  );
  return { throughputRuns, oneAtATime, cachedRerun, processes, coldStart, memory };
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  if (!existsSync(MAIN_JS)) throw new BenchError(`${MAIN_JS} is missing: run npm run build first`);
  const server = await startRedis();
  const redis = new Redis(server.url);
  const slow = await simulatorTarget(SETTINGS.latencyMs);
  const fast = await simulatorTarget(SETTINGS.memoryLatencyMs);
  try {
    const measurements = await measureAll({ redis, redisPort: server.port }, slow, fast);
    const figures = benchFigures(measurements);
    const durationSeconds = Math.round((performance.now() - startedAt) / 1000);
    writeResults(RESULTS_FILE, {
      generatedAt: new Date().toISOString(),
      durationSeconds,
      machine: machine(),
      settings: SETTINGS,
      figures,
      allTargetsMet: figures.every((figure) => figure.pass !== false),
      measurements,
    });
    process.stdout.write(`${formatTable(figures)}\n\n`);
    process.stdout.write(
      `Took ${durationSeconds} s. Results: ${path.relative(process.cwd(), RESULTS_FILE)}\n`,
    );
  } finally {
    redis.disconnect();
    await Promise.all([slow.simulator.close(), fast.simulator.close()]);
    await server.stop();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`bench failed: ${message}\n`);
  process.exitCode = 1;
});
