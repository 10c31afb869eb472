/**
 * The simulator's transport knobs: a per-second rate limit (429 past N requests in the current
 * wall-clock second), deterministic random failures (`failRate`, seeded), and latency with jitter.
 */
import { Prng } from './random';
import type { FailureClass } from './magic-values';

/** The failures `failRate` draws from, equally likely. */
export const RANDOM_FAILURES: readonly FailureClass[] = ['server-500', 'server-502', 'server-503', 'reset'];

export interface TrafficOptions {
  readonly latencyMs: number;
  readonly jitterMs: number;
  /** Requests per second before 429s; 0 = off. */
  readonly rateLimit: number;
  /** Fraction (0..1) of requests that fail. */
  readonly failRate: number;
  readonly seed: number;
}

/** Decides, per arriving lookup, whether it is rate limited or fails, and how long its answer waits. */
export class TrafficShaper {
  private readonly failures: Prng;
  private readonly jitter: Prng;
  private second = Number.NaN;
  private inSecond = 0;

  constructor(private readonly options: TrafficOptions) {
    // two streams, so turning jitter on does not change which requests fail
    this.failures = new Prng('failures', options.seed);
    this.jitter = new Prng('jitter', options.seed);
  }

  /** The failure for a lookup arriving at `nowMs` (`rate-limit` or a random failure), if any. */
  admit(nowMs: number): FailureClass | undefined {
    const second = Math.floor(nowMs / 1000);
    if (second !== this.second) {
      this.second = second;
      this.inSecond = 0;
    }
    this.inSecond += 1;
    const { rateLimit, failRate } = this.options;
    if (rateLimit > 0 && this.inSecond > rateLimit) return 'rate-limit';
    if (failRate > 0 && this.failures.next() < failRate) return this.failures.pick(RANDOM_FAILURES);
    return undefined;
  }

  /** How long the next answer waits: the latency plus up to `jitterMs` more. */
  delayMs(): number {
    const { latencyMs, jitterMs } = this.options;
    return latencyMs + (jitterMs > 0 ? this.jitter.next() * jitterMs : 0);
  }
}
