/**
 * What became of one input indicator: enriched (IPQS answered), or failed with a one-line reason (invalid
 * value, lookup error, or not looked up because the run stopped).
 */
import type { IndicatorType } from '../indicators/indicator-type';
import type { Verdict } from '../verdicts';

export interface Enriched {
  readonly kind: 'enriched';
  /** The IPQS answer, personal data already removed unless the user asked to keep it. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly verdict: Verdict;
  readonly cached: boolean;
}

export interface Failed {
  readonly kind: 'failed';
  /** One line, prefixed with the indicator: `10.0.0.300: not an IP address`. */
  readonly error: string;
}

export interface IndicatorResult {
  /** Position in the input. */
  readonly index: number;
  /** Normalized when it classified, else the value as given. */
  readonly indicator: string;
  readonly type: IndicatorType | undefined;
  readonly outcome: Enriched | Failed;
}
