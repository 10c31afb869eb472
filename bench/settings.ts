/** What the bench measures with: the sizes, knobs and serial-number ranges of every scenario. */

export const SETTINGS = {
  /** Simulator latency of every row but peak RSS. */
  latencyMs: 25,
  batch: 10_000,
  concurrency: 16,
  /**
   * Throughput runs, each with its own batch; the figure is their median. One run on a shared 2-core
   * machine varies by about ±2 % from the next.
   */
  throughputRuns: 3,
  /** The one-at-a-time sample (10,000 at concurrency 1 would take minutes). */
  oneAtATimeSample: 400,
  processes: 4,
  perProcess: 1_500,
  maxRequestsPerSecond: 200,
  cacheTtlMinutes: 60,
  coldStartRuns: 15,
  memoryBatch: 100_000,
  memoryConcurrency: 64,
  /** Simulator latency of the peak RSS row, to keep 100,000 lookups quick. */
  memoryLatencyMs: 0,
} as const;

/** First serial number of each scenario's indicators, so no two scenarios share a value (or a cache entry). */
export const SERIALS = {
  batch: 0,
  oneAtATime: 10_000,
  // throughput runs after the first (which uses `batch`): 10,000 each from here
  moreThroughputRuns: 200_000,
  // cold start uses every 20th serial from here: those are all IPs (see MIX_PATTERN)
  coldStart: 20_000,
  processes: 30_000,
  memory: 100_000,
} as const;

/** The throughput limit `concurrency / latency`, in requests per second. */
export function concurrencyLimit(): number {
  return SETTINGS.concurrency / (SETTINGS.latencyMs / 1000);
}
