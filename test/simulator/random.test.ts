import { Prng } from '../../src/simulator/random';

function draws(prng: Prng, count: number): number[] {
  return Array.from({ length: count }, () => prng.next());
}

describe('Prng', () => {
  it('draws the same sequence for the same seed parts', () => {
    expect(draws(new Prng('ip', '8.8.8.8'), 20)).toEqual(draws(new Prng('ip', '8.8.8.8'), 20));
  });

  it('draws another sequence when any seed part differs', () => {
    expect(draws(new Prng('ip', '8.8.8.8'), 5)).not.toEqual(draws(new Prng('ip', '8.8.8.9'), 5));
    // the parts are separated, so ('ab', 'c') and ('a', 'bc') are different seeds
    expect(draws(new Prng('ab', 'c'), 5)).not.toEqual(draws(new Prng('a', 'bc'), 5));
  });

  it('keeps floats in [0, 1) and integers within their inclusive bounds', () => {
    const prng = new Prng(1);
    const floats = draws(prng, 1000);
    const ints = Array.from({ length: 1000 }, () => prng.int(3, 5));
    expect(floats.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
  });

  it('picks exactly the asked number of distinct items, in list order', () => {
    const prng = new Prng(2);
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (let i = 0; i < 50; i++) {
      const chosen = prng.some(items, 2);
      expect(chosen).toHaveLength(2);
      expect(chosen).toEqual(items.filter((item) => chosen.includes(item)));
    }
  });

  it('refuses to pick from an empty list', () => {
    expect(() => new Prng(3).pick([])).toThrow(RangeError);
  });

  it('spells request ids with letters only', () => {
    expect(new Prng(4).letters(10)).toMatch(/^[A-Za-z]{10}$/);
  });
});
