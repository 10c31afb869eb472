import { INDICATOR_TYPES } from '../../src/indicators/indicator-type';
import { LADDERS } from '../../src/verdicts/ladders';
import { threatRatingOf } from '../../src/verdicts/verdict';

describe('LADDERS', () => {
  it.each(INDICATOR_TYPES)('orders the %s bands from the highest score down to a CLEAN band at 0', (type) => {
    const bands = LADDERS[type].bands;
    const mins = bands.map((band) => band.min);
    expect(mins).toEqual([...mins].sort((a, b) => b - a));
    expect(bands[bands.length - 1]).toEqual({ min: 0, verdict: 'CLEAN' });
  });

  it.each(INDICATOR_TYPES)('makes higher %s bands at least as severe as lower ones', (type) => {
    const ratings = LADDERS[type].bands.map((band) => threatRatingOf(band.verdict));
    expect(ratings).toEqual([...ratings].sort((a, b) => b - a));
  });

  it.each(INDICATOR_TYPES)('names each %s band above CLEAN by its score and threshold', (type) => {
    const ladder = LADDERS[type];
    for (const band of ladder.bands.filter((entry) => entry.verdict !== 'CLEAN')) {
      expect(band.reason).toBe(`${ladder.scoreField}>=${band.min}`);
    }
  });

  it.each([
    ['ip', 'fraud_score'],
    ['email', 'fraud_score'],
    ['phone', 'fraud_score'],
    ['url', 'risk_score'],
    ['domain', 'risk_score'],
  ] as const)('scores %s by %s', (type, field) => {
    expect(LADDERS[type].scoreField).toBe(field);
  });

  it('gives domains the URL ladder', () => {
    expect(LADDERS.domain).toBe(LADDERS.url);
  });
});
