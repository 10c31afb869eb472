import { VERDICT_NAMES, isHighRisk, threatRatingOf } from '../../src/verdicts/verdict';
import type { ThreatRating, VerdictName } from '../../src/verdicts/verdict';

describe('VERDICT_NAMES', () => {
  it('lists the IPQS ladder names', () => {
    expect(VERDICT_NAMES).toEqual([
      'CLEAN',
      'SUSPICIOUS',
      'LOW RISK',
      'MODERATE RISK',
      'HIGH RISK',
      'CRITICAL',
      'INVALID',
    ]);
  });
});

describe('threatRatingOf', () => {
  it.each<[VerdictName, ThreatRating]>([
    ['CLEAN', 0],
    ['SUSPICIOUS', 1],
    ['INVALID', 1],
    ['LOW RISK', 2],
    ['MODERATE RISK', 3],
    ['HIGH RISK', 4],
    ['CRITICAL', 5],
  ])('rates %s as %i', (verdict, rating) => {
    expect(threatRatingOf(verdict)).toBe(rating);
  });
});

describe('isHighRisk', () => {
  it.each<[VerdictName, boolean]>([
    ['CLEAN', false],
    ['SUSPICIOUS', false],
    ['INVALID', false],
    ['LOW RISK', false],
    ['MODERATE RISK', false],
    ['HIGH RISK', true],
    ['CRITICAL', true],
  ])('counts %s as high risk: %s', (verdict, expected) => {
    expect(isHighRisk(verdict)).toBe(expected);
  });
});
