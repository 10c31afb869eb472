/**
 * The simulator's clock, wrapped: the simulator reads it once as each request arrives, so the bench
 * learns the first and last arrival times exactly, without polling.
 */

export interface ArrivalWindow {
  /** Requests that arrived since the last reset. */
  readonly count: number;
  /** Epoch ms of the first and last arrival; undefined before any. */
  readonly first: number | undefined;
  readonly last: number | undefined;
}

export class ArrivalClock {
  private count = 0;
  private first: number | undefined;
  private last: number | undefined;

  /** Pass as the simulator's `now`: returns Date.now() and records it as an arrival. */
  readonly now = (): number => {
    const time = Date.now();
    this.count += 1;
    this.first ??= time;
    this.last = time;
    return time;
  };

  reset(): void {
    this.count = 0;
    this.first = undefined;
    this.last = undefined;
  }

  window(): ArrivalWindow {
    return { count: this.count, first: this.first, last: this.last };
  }
}

/**
 * Steady-state requests per second of a window: the requests over the span from the first arrival to
 * the last answer (the last arrival plus the simulator's latency), so process start and exit are left out.
 */
export function steadyRate(window: ArrivalWindow, latencyMs: number): number | undefined {
  if (window.first === undefined || window.last === undefined || window.count === 0) return undefined;
  const spanMs = window.last - window.first + latencyMs;
  return spanMs > 0 ? (window.count * 1000) / spanMs : undefined;
}
