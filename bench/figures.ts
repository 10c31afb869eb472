/** The benchmark's figures: pure arithmetic on measurements, and each figure's target and verdict. */

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/** Requests per second: `count` over `ms` milliseconds. */
export function perSecond(count: number, ms: number): number {
  if (!(ms > 0)) throw new RangeError(`rate over a span of ${ms} ms`);
  return (count * 1000) / ms;
}

/** `value` rounded to `digits` decimals, as the table shows it (results.json keeps full precision). */
export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** How a figure is judged: at least, at most, below, or exactly its target; `info` has no target. */
export type Comparison = 'min' | 'max' | 'below' | 'equal' | 'info';

export interface Figure {
  /** Stable key in results.json. */
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly comparison: Comparison;
  /** The target, when the figure has one. */
  readonly target?: number;
}

export interface JudgedFigure extends Figure {
  /** True when the target is met; undefined for an info figure. */
  readonly pass: boolean | undefined;
}

/** Whether `figure` meets its target. */
export function judge(figure: Figure): JudgedFigure {
  const { value, target, comparison } = figure;
  if (comparison === 'info' || target === undefined) return { ...figure, pass: undefined };
  const pass =
    comparison === 'min'
      ? value >= target
      : comparison === 'max'
        ? value <= target
        : comparison === 'below'
          ? value < target
          : value === target;
  return { ...figure, pass };
}

const SYMBOL: Readonly<Record<Exclude<Comparison, 'info'>, string>> = {
  min: '>=',
  max: '<=',
  below: '<',
  equal: '=',
};

/** The target as the table shows it, e.g. `>= 0.9` or `-` for an info figure. */
export function targetText(figure: Figure): string {
  if (figure.comparison === 'info' || figure.target === undefined) return '-';
  return `${SYMBOL[figure.comparison]} ${figure.target}`;
}
