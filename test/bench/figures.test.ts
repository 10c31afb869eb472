import { steadyRate } from '../../bench/arrival-clock';
import { ArrivalClock } from '../../bench/arrival-clock';
import { judge, median, perSecond, round, targetText } from '../../bench/figures';
import type { Comparison } from '../../bench/figures';
import { formatTable } from '../../bench/report';

describe('median', () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 1, 400, 12], 10],
  ])('of %p is %p', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('refuses no values', () => {
    expect(() => median([])).toThrow(new RangeError('median of no values'));
  });
});

describe('perSecond and round', () => {
  it('turns a count over milliseconds into a rate', () => {
    expect(perSecond(640, 1_000)).toBe(640);
    expect(perSecond(10_000, 20_000)).toBe(500);
  });

  it('refuses an empty span', () => {
    expect(() => perSecond(1, 0)).toThrow(RangeError);
  });

  it('rounds to the given decimals', () => {
    expect(round(0.89123)).toBe(0.89);
    expect(round(526.1149, 1)).toBe(526.1);
  });
});

describe('judge', () => {
  const figure = (comparison: Comparison, value: number, target?: number) => ({
    id: 'x',
    label: 'x',
    unit: '',
    comparison,
    value,
    ...(target === undefined ? {} : { target }),
  });

  it.each([
    ['min', 0.9, 0.9, true],
    ['min', 0.89, 0.9, false],
    ['max', 200, 200, true],
    ['max', 201, 200, false],
    ['below', 255.9, 256, true],
    ['below', 256, 256, false],
    ['equal', 0, 0, true],
    ['equal', 1, 0, false],
  ] as const)('a %s figure of %p against %p passes: %p', (comparison, value, target, pass) => {
    expect(judge(figure(comparison, value, target)).pass).toBe(pass);
    expect(targetText(figure(comparison, value, target))).toMatch(new RegExp(` ${target}$`));
  });

  it('fails a NaN value (a reading the bench could not take)', () => {
    expect(judge(figure('below', Number.NaN, 256)).pass).toBe(false);
  });

  it('gives an info figure no verdict and no target', () => {
    expect(judge(figure('info', 5)).pass).toBeUndefined();
    expect(targetText(figure('info', 5))).toBe('-');
  });
});

describe('steadyRate', () => {
  it('counts from the first arrival to the last answer (last arrival plus latency)', () => {
    expect(steadyRate({ count: 100, first: 1_000, last: 1_975 }, 25)).toBe(100);
  });

  it('is undefined before any arrival', () => {
    expect(steadyRate(new ArrivalClock().window(), 25)).toBeUndefined();
  });

  it('reads the arrivals the simulator clock recorded, and forgets them on reset', () => {
    const clock = new ArrivalClock();
    const first = clock.now();
    const last = clock.now();
    expect(clock.window()).toEqual({ count: 2, first, last });
    clock.reset();
    expect(clock.window()).toEqual({ count: 0, first: undefined, last: undefined });
  });
});

describe('formatTable', () => {
  it('shows each figure with its value, target and pass or FAIL', () => {
    const table = formatTable([
      judge({ id: 'a', label: 'Ratio', value: 0.95123, unit: 'x', comparison: 'min', target: 0.9 }),
      judge({ id: 'b', label: 'Peak', value: 808, unit: 'req', comparison: 'max', target: 200 }),
      judge({ id: 'c', label: 'Rate', value: 570, unit: 'req/s', comparison: 'info' }),
    ]).split('\n');
    expect(table[0]).toMatch(/^Figure +\| Value +\| Target +\| Result$/);
    expect(table[2]).toMatch(/^Ratio +\| 0\.95 x +\| >= 0\.9 +\| pass$/);
    expect(table[3]).toMatch(/^Peak +\| 808 req +\| <= 200 +\| FAIL$/);
    expect(table[4]).toMatch(/^Rate +\| 570 req\/s +\| - +\|$/);
  });
});
