/**
 * One result of `ipqs-tc lookup` as every format shows it: the indicator, its type, the verdict, score,
 * threat rating and reasons, the error of a failed lookup, and the IPQS answer (personal data already
 * removed by the pipeline unless `--include-personal-data`).
 */
import type { IndicatorType } from '../indicators/indicator-type';
import type { IndicatorResult } from '../pipeline/indicator-result';
import type { ThreatRating, VerdictName } from '../verdicts';

export interface LookupRow {
  readonly indicator: string;
  readonly type: IndicatorType | null;
  readonly verdict: VerdictName | null;
  readonly score: number | null;
  readonly threat_rating: ThreatRating | null;
  readonly reasons: readonly string[];
  /** One line; null when the lookup succeeded. */
  readonly error: string | null;
  readonly cached: boolean;
  readonly ipqs: Readonly<Record<string, unknown>> | null;
}

/** The row of one pipeline result. */
export function lookupRow(result: IndicatorResult): LookupRow {
  const base = { indicator: result.indicator, type: result.type ?? null };
  const { outcome } = result;
  if (outcome.kind === 'failed') {
    return {
      ...base,
      verdict: null,
      score: null,
      threat_rating: null,
      reasons: [],
      error: outcome.error,
      cached: false,
      ipqs: null,
    };
  }
  return {
    ...base,
    verdict: outcome.verdict.verdict,
    score: outcome.verdict.score,
    threat_rating: outcome.verdict.threatRating,
    reasons: [...outcome.verdict.reasons],
    error: null,
    cached: outcome.cached,
    ipqs: outcome.data,
  };
}
