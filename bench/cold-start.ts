/**
 * Cold start: the wall time of `node dist/main.js` for one indicator against a bare `node -e` script
 * making one HTTP GET to the same simulator, run alternately so drift hits both alike.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { runApp } from './app-run';
import { median } from './figures';
import { BenchError, checkExit } from './bench-error';
import type { BenchEnv, SimulatorTarget } from './scenarios';

export interface ColdStartMeasure {
  readonly runs: number;
  readonly mainMs: readonly number[];
  readonly baselineMs: readonly number[];
  readonly mainMedianMs: number;
  readonly baselineMedianMs: number;
}

/** The baseline: one GET, body drained, exit 0. */
export function baselineScript(url: string): string {
  return `require('http').get(${JSON.stringify(url)}, r => { r.resume(); r.on('end', () => process.exit(0)); })`;
}

function timeBaseline(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const child = spawn(process.execPath, ['-e', baselineScript(url)], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = performance.now() - startedAt;
      if (code === 0) resolve(wallMs);
      else reject(new BenchError(`cold start baseline: node -e exited ${code}`));
    });
  });
}

/** `runs` alternating pairs; `indicatorFor(i)` is the one (distinct) indicator of main run i. */
export async function measureColdStart(
  env: BenchEnv,
  target: SimulatorTarget,
  runs: number,
  indicatorFor: (run: number) => string,
): Promise<ColdStartMeasure> {
  const baselineUrl = `${target.simulator.url}/ip/${'bench-baseline-key'}/${indicatorFor(runs)}`;
  const mainMs: number[] = [];
  const baselineMs: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    baselineMs.push(await timeBaseline(baselineUrl));
    const result = await runApp({
      redis: env.redis,
      redisPort: env.redisPort,
      indicators: [indicatorFor(run)],
      app: { ipqs_base_url: target.simulator.url },
    });
    checkExit(`cold start run ${run + 1}`, result);
    mainMs.push(result.wallMs);
  }
  return { runs, mainMs, baselineMs, mainMedianMs: median(mainMs), baselineMedianMs: median(baselineMs) };
}
