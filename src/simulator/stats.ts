/** Request counters of a running simulator, served at `GET /__stats` and cleared by `POST /__reset`. */
import { LOOKUP_TYPES } from '../ipqs/fields';
import type { LookupType } from '../ipqs/fields';
import type { FailureClass } from './magic-values';

/**
 * The `/__stats` body. `byStatus` keys are HTTP statuses, plus `reset` for destroyed connections and
 * `hang` for requests never answered (counted once the connection closes). `byFailure` counts the
 * lookups that asked for a failure (magic value, key or traffic knob) by failure class, the flaky
 * classes' later, successful requests included.
 */
export interface SimulatorStats {
  readonly requests: {
    readonly total: number;
    readonly byEndpoint: Readonly<Record<LookupType, number>>;
    readonly byStatus: Readonly<Record<string, number>>;
    readonly byFailure: Readonly<Partial<Record<FailureClass, number>>>;
  };
  /** The most requests received in any one wall-clock second. */
  readonly peakPerSecond: number;
}

function zeroPerType(): Record<LookupType, number> {
  return Object.fromEntries(LOOKUP_TYPES.map((type) => [type, 0])) as Record<LookupType, number>;
}

/** Counts every request but the control endpoints: arrivals per lookup type, answers per status. */
export class StatsRecorder {
  private total = 0;
  private byEndpoint = zeroPerType();
  private byStatus: Record<string, number> = {};
  private byFailure: Partial<Record<FailureClass, number>> = {};
  private second = Number.NaN;
  private inSecond = 0;
  private peak = 0;

  /** A request arrived at `nowMs`; `type` is its lookup type, if it named one. */
  arrived(type: LookupType | undefined, nowMs: number): void {
    this.total += 1;
    if (type) this.byEndpoint[type] += 1;
    const second = Math.floor(nowMs / 1000);
    if (second !== this.second) {
      this.second = second;
      this.inSecond = 0;
    }
    this.inSecond += 1;
    this.peak = Math.max(this.peak, this.inSecond);
  }

  /** A lookup asked for `failure` (counted on top of its arrival). */
  failed(failure: FailureClass): void {
    this.byFailure[failure] = (this.byFailure[failure] ?? 0) + 1;
  }

  /** A request was answered with `status` (or its connection destroyed, or closed unanswered). */
  answered(status: number | 'reset' | 'hang'): void {
    const key = String(status);
    this.byStatus[key] = (this.byStatus[key] ?? 0) + 1;
  }

  snapshot(): SimulatorStats {
    return {
      requests: {
        total: this.total,
        byEndpoint: { ...this.byEndpoint },
        byStatus: { ...this.byStatus },
        byFailure: { ...this.byFailure },
      },
      peakPerSecond: this.peak,
    };
  }

  reset(): void {
    this.total = 0;
    this.byEndpoint = zeroPerType();
    this.byStatus = {};
    this.byFailure = {};
    this.second = Number.NaN;
    this.inSecond = 0;
    this.peak = 0;
  }
}
