/** Verdicts on IPQS results: the ladders, their evaluation, threat ratings and the v1.0 compatibility labels. */
export { LADDERS, type FlagRule, type Ladder, type NoteRule, type ScoreBand } from './ladders';
export { tcV1Reputation, tcV1ThreatRating, type TcV1Reputation, type TcV1ThreatRating } from './tc-v1-labels';
export {
  VERDICT_NAMES,
  isHighRisk,
  threatRatingOf,
  type ThreatRating,
  type Verdict,
  type VerdictName,
} from './verdict';
export { verdictFor } from './verdict-for';
