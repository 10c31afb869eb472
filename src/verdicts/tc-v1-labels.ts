/**
 * The labels the official v1.0 "IPQualityScore Enrichment" app wrote as `IPQS_Reputation` and
 * `TC_Threat_Rating` in its `results.data` outputs (its guide §8 "Threat Rating Metrics Table").
 */
import type { VerdictName } from './verdict';

export type TcV1Reputation =
  'Critical' | 'High Risk' | 'Moderate Risk' | 'Low Risk' | 'Suspicious' | 'Clean' | 'Invalid';

export type TcV1ThreatRating =
  'Critical Threat' | 'High Threat' | 'Moderate Threat' | 'Low Threat' | 'Suspicious' | 'N/A';

const REPUTATIONS: Readonly<Record<VerdictName, TcV1Reputation>> = {
  CRITICAL: 'Critical',
  'HIGH RISK': 'High Risk',
  'MODERATE RISK': 'Moderate Risk',
  'LOW RISK': 'Low Risk',
  SUSPICIOUS: 'Suspicious',
  CLEAN: 'Clean',
  INVALID: 'Invalid',
};

// The v1.0 table rates an invalid email as Suspicious and a clean result as N/A.
const THREAT_RATINGS: Readonly<Record<VerdictName, TcV1ThreatRating>> = {
  CRITICAL: 'Critical Threat',
  'HIGH RISK': 'High Threat',
  'MODERATE RISK': 'Moderate Threat',
  'LOW RISK': 'Low Threat',
  SUSPICIOUS: 'Suspicious',
  CLEAN: 'N/A',
  INVALID: 'Suspicious',
};

/** The v1.0 `IPQS_Reputation` label of a verdict, e.g. `High Risk`. */
export function tcV1Reputation(verdict: VerdictName): TcV1Reputation {
  return REPUTATIONS[verdict];
}

/** The v1.0 `TC_Threat_Rating` label of a verdict, e.g. `High Threat`. */
export function tcV1ThreatRating(verdict: VerdictName): TcV1ThreatRating {
  return THREAT_RATINGS[verdict];
}
