/** The bench's output: the printed table of figures and bench/results.json. */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import type { JudgedFigure } from './figures';
import { round, targetText } from './figures';

/** The header of results.json: when, where and with what the bench ran. */
export interface Machine {
  readonly node: string;
  readonly platform: string;
  readonly arch: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly totalMemoryMb: number;
}

export function machine(): Machine {
  return {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024),
  };
}

function resultText(figure: JudgedFigure): string {
  if (figure.pass === undefined) return '';
  return figure.pass ? 'pass' : 'FAIL';
}

function valueText(figure: JudgedFigure): string {
  const value = Number.isInteger(figure.value) ? String(figure.value) : String(round(figure.value));
  return figure.unit ? `${value} ${figure.unit}` : value;
}

/** The figures as a plain-text table: figure, value, target, pass/FAIL. */
export function formatTable(figures: readonly JudgedFigure[]): string {
  const rows = [
    ['Figure', 'Value', 'Target', 'Result'],
    ...figures.map((figure) => [figure.label, valueText(figure), targetText(figure), resultText(figure)]),
  ];
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('-|-');
  return [line(rows[0] ?? []), rule, ...rows.slice(1).map(line)].join('\n');
}

export interface BenchResults {
  readonly generatedAt: string;
  readonly durationSeconds: number;
  readonly machine: Machine;
  readonly settings: Readonly<Record<string, unknown>>;
  /** Every figure with its target and whether it was met. */
  readonly figures: readonly JudgedFigure[];
  readonly allTargetsMet: boolean;
  /** The raw measurements the figures come from. */
  readonly measurements: object;
}

/** Writes `results` as pretty JSON to `file`. */
export function writeResults(file: string, results: BenchResults): void {
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
