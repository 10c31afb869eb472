/**
 * Applies a ladder to one IPQS result. The score picks a band; a flag that fired lifts the verdict when it
 * is more severe, and is listed either way, so the verdict never disagrees with the score unexplained.
 */
import type { IndicatorType } from '../indicators/indicator-type';
import { LADDERS } from './ladders';
import type { Ladder, ScoreBand } from './ladders';
import { threatRatingOf } from './verdict';
import type { Verdict, VerdictName } from './verdict';

function scoreOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  // Tolerate a numeric string; IPQS sends numbers, but some proxies and caches stringify.
  if (typeof value === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

// Every ladder ends with a CLEAN band from 0 (a test holds it to that); this only catches a negative score.
const FLOOR: ScoreBand = { min: 0, verdict: 'CLEAN' };

function bandOf(ladder: Ladder, score: number): ScoreBand {
  return ladder.bands.find((candidate) => score >= candidate.min) ?? FLOOR;
}

function moreSevere(candidate: VerdictName, current: VerdictName): boolean {
  return threatRatingOf(candidate) > threatRatingOf(current);
}

/**
 * The verdict on one successful IPQS result of the given type. A missing score counts as 0 and is named in
 * the reasons; informative flags (e.g. `tor`) are listed only when the verdict is above CLEAN.
 */
export function verdictFor(type: IndicatorType, data: Readonly<Record<string, unknown>>): Verdict {
  const ladder = LADDERS[type];
  const given = scoreOf(data[ladder.scoreField]);
  const score = given ?? 0;
  const band = bandOf(ladder, score);
  const reasons: string[] = [];
  if (given === undefined) reasons.push(`${ladder.scoreField} missing`);
  if (band.reason !== undefined) reasons.push(band.reason);
  let verdict = band.verdict;
  for (const flag of ladder.flags) {
    if (data[flag.field] !== flag.equals) continue;
    reasons.push(flag.reason);
    if (moreSevere(flag.verdict, verdict)) verdict = flag.verdict;
  }
  if (verdict !== 'CLEAN') {
    for (const note of ladder.notes) if (data[note.field] === note.equals) reasons.push(note.reason);
  }
  return { verdict, score, reasons, threatRating: threatRatingOf(verdict) };
}
