/**
 * Verdict names (IPQS's own ladder names, as its partner integrations use them), the ThreatConnect threat
 * rating each maps to, and which of them count as high risk.
 */
export const VERDICT_NAMES = [
  'CLEAN',
  'SUSPICIOUS',
  'LOW RISK',
  'MODERATE RISK',
  'HIGH RISK',
  'CRITICAL',
  'INVALID',
] as const;

export type VerdictName = (typeof VERDICT_NAMES)[number];

/** ThreatConnect threat rating, 0 (none) to 5 (critical). */
export type ThreatRating = 0 | 1 | 2 | 3 | 4 | 5;

/** The verdict on one IPQS result: the label, the score it came from and why, e.g. `fraud_score>=85; tor`. */
export interface Verdict {
  readonly verdict: VerdictName;
  /** fraud_score (IP, email, phone) or risk_score (URL, domain). */
  readonly score: number;
  /** The score band that applied (none for CLEAN), then each flag that fired, then informative flags. */
  readonly reasons: string[];
  readonly threatRating: ThreatRating;
}

const THREAT_RATINGS: Readonly<Record<VerdictName, ThreatRating>> = {
  CLEAN: 0,
  SUSPICIOUS: 1,
  INVALID: 1,
  'LOW RISK': 2,
  'MODERATE RISK': 3,
  'HIGH RISK': 4,
  CRITICAL: 5,
};

/** The ThreatConnect threat rating of a verdict; it also orders verdicts by severity. */
export function threatRatingOf(verdict: VerdictName): ThreatRating {
  return THREAT_RATINGS[verdict];
}

/** True for HIGH RISK and CRITICAL, the verdicts counted in `ipqs.high_risk.*`. */
export function isHighRisk(verdict: VerdictName): boolean {
  return verdict === 'HIGH RISK' || verdict === 'CRITICAL';
}
