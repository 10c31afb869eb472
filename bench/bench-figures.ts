/** The figures of a bench run, from its measurements, each with the target of issue 5. */
import type { ColdStartMeasure } from './cold-start';
import type { Figure, JudgedFigure } from './figures';
import { judge } from './figures';
import type { BatchMeasure, ParallelMeasure } from './scenarios';
import { concurrencyLimit, SETTINGS } from './settings';

export interface Measurements {
  /** SETTINGS.throughputRuns runs, each its own batch; the first batch is the one the cached re-run repeats. */
  readonly throughputRuns: readonly BatchMeasure[];
  readonly oneAtATime: BatchMeasure;
  readonly cachedRerun: BatchMeasure;
  readonly processes: ParallelMeasure;
  readonly coldStart: ColdStartMeasure;
  readonly memory: BatchMeasure;
}

function info(id: string, label: string, value: number, unit: string): Figure {
  return { id, label, value, unit, comparison: 'info' };
}

/** A rate the bench could not take (no request arrived) counts as 0, so its target fails visibly. */
function rate(value: number | undefined): number {
  return value ?? 0;
}

/** The run with the median steady rate (the middle one of an odd count). */
export function medianRun(runs: readonly BatchMeasure[]): BatchMeasure {
  const sorted = [...runs].sort((a, b) => rate(a.steadyPerSecond) - rate(b.steadyPerSecond));
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!middle) throw new RangeError('no throughput run');
  return middle;
}

export function benchFigures(m: Measurements): JudgedFigure[] {
  const limit = concurrencyLimit();
  const throughput = medianRun(m.throughputRuns);
  const steady = rate(throughput.steadyPerSecond);
  const serial = rate(m.oneAtATime.steadyPerSecond);
  const batch = SETTINGS.batch.toLocaleString('en-US');
  const runs = [...m.throughputRuns, m.oneAtATime, m.cachedRerun, m.memory];
  const requested = m.throughputRuns.reduce((sum, run) => sum + run.requests, 0);
  const looked = m.throughputRuns.reduce((sum, run) => sum + run.indicators, 0);
  const indicators = runs.reduce((sum, run) => sum + run.indicators, 0) + m.processes.indicators;
  const enriched = runs.reduce((sum, run) => sum + run.succeeded, 0) + m.processes.succeeded;
  const figures: Figure[] = [
    info(
      'throughput_steady',
      `Throughput, ${batch} mixed, concurrency ${SETTINGS.concurrency}, steady, median of ${m.throughputRuns.length}`,
      steady,
      'req/s',
    ),
    info('throughput_wall', 'Same run, process start and exit included', throughput.wallPerSecond, 'ind/s'),
    {
      id: 'throughput_ratio_to_limit',
      label: `Steady throughput / limit ${limit} req/s (concurrency / latency)`,
      value: steady / limit,
      unit: 'x',
      comparison: 'min',
      target: 0.9,
    },
    {
      id: 'requests_per_indicator',
      label: `Requests per indicator (${batch} runs)`,
      value: requested / looked,
      unit: '',
      comparison: 'equal',
      target: 1,
    },
    info(
      'one_at_a_time_steady',
      `One at a time (${SETTINGS.oneAtATimeSample} indicators), steady`,
      serial,
      'req/s',
    ),
    {
      id: 'ratio_to_one_at_a_time',
      label: 'Steady throughput / one at a time',
      value: serial > 0 ? steady / serial : 0,
      unit: 'x',
      comparison: 'min',
      target: 10,
    },
    info(
      'processes_combined',
      `${SETTINGS.processes} processes x ${SETTINGS.perProcess}, limit ${SETTINGS.maxRequestsPerSecond}/s, combined`,
      m.processes.combinedPerSecond,
      'req/s',
    ),
    {
      id: 'processes_ratio_to_limit',
      label: `Combined / ${SETTINGS.maxRequestsPerSecond} req/s`,
      value: m.processes.combinedPerSecond / SETTINGS.maxRequestsPerSecond,
      unit: 'x',
      comparison: 'min',
      target: 0.9,
    },
    {
      id: 'processes_peak_per_second',
      label: 'Simulator peak requests in one second',
      value: m.processes.peakPerSecond,
      unit: 'req',
      comparison: 'max',
      target: SETTINGS.maxRequestsPerSecond,
    },
    {
      id: 'cached_rerun_requests',
      label: `Second run of the ${batch} batch: requests made`,
      value: m.cachedRerun.requests,
      unit: 'req',
      comparison: 'equal',
      target: 0,
    },
    info('cached_rerun_wall', 'Second run wall time', m.cachedRerun.wallMs / 1000, 's'),
    info(
      'cold_start_main',
      'Cold start: node dist/main.js, 1 indicator, median',
      m.coldStart.mainMedianMs,
      'ms',
    ),
    info(
      'cold_start_baseline',
      'Cold start: node -e one HTTP GET, median',
      m.coldStart.baselineMedianMs,
      'ms',
    ),
    {
      id: 'cold_start_ratio',
      label: 'Cold start ratio (main / baseline)',
      value: m.coldStart.mainMedianMs / m.coldStart.baselineMedianMs,
      unit: 'x',
      comparison: 'max',
      target: 3,
    },
    {
      id: 'peak_rss_mb',
      label: `Peak RSS, ${SETTINGS.memoryBatch.toLocaleString('en-US')} indicators (latency 0)`,
      value: (m.memory.peakRssKb ?? Number.NaN) / 1024,
      unit: 'MB',
      comparison: 'below',
      target: 256,
    },
    info('memory_wall', 'Same run wall time', m.memory.wallMs / 1000, 's'),
    {
      id: 'enriched_fraction',
      label: 'Indicators enriched / indicators (all batch runs)',
      value: enriched / indicators,
      unit: '',
      comparison: 'equal',
      target: 1,
    },
  ];
  return figures.map(judge);
}
