import { classify } from '../../src/indicators/classify';
import { indicatorAt, kindAt, kindCounts, MAX_SERIAL, mixedIndicators } from '../../bench/indicators';

describe('mixedIndicators', () => {
  it('gives distinct values within a batch and across the ranges the bench uses', () => {
    const values = [...mixedIndicators(200_000, 0), ...mixedIndicators(2_000, MAX_SERIAL - 2_000)];
    expect(new Set(values).size).toBe(values.length);
  });

  it('gives values the app classifies as their own kind, with distinct normalized values', () => {
    const values = mixedIndicators(40_000, 0);
    const normalized = new Set<string>();
    values.forEach((value, n) => {
      const result = classify(value, {});
      expect(result).toMatchObject({ ok: true, type: kindAt(n) });
      if (result.ok) normalized.add(result.value);
    });
    expect(normalized.size).toBe(values.length);
  });

  it('is deterministic: the same range gives the same values', () => {
    expect(mixedIndicators(50, 1_234)).toEqual(mixedIndicators(50, 1_234));
    expect(mixedIndicators(3, 20)).toEqual([indicatorAt(20), indicatorAt(21), indicatorAt(22)]);
  });

  it.each([
    [0, '11.0.0.0'],
    [8, 'user8@example.com'],
    [13, 'https://site13.example/path'],
    [16, 'd16.example'],
    [18, '+1 202 200 0018'],
    [10_019, '+1 202 201 0019'],
    [65_800, '11.1.1.8'],
  ])('serial %i is %s', (n, value) => {
    expect(indicatorAt(n)).toBe(value);
  });

  it.each([-1, 1.5, MAX_SERIAL])('refuses serial %p with a RangeError', (n) => {
    expect(() => indicatorAt(n)).toThrow(new RangeError(`serial ${n} is out of range`));
  });

  it('mixes 40% IPs, 25% emails, 15% URLs, 10% domains and 10% phones', () => {
    expect(kindCounts(10_000)).toEqual({ ip: 4_000, email: 2_500, url: 1_500, domain: 1_000, phone: 1_000 });
  });
});
