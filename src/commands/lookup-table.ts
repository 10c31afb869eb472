/**
 * The `table` format of `ipqs-tc lookup`: columns indicator, type, verdict, score, reasons, error, in input
 * order. On a terminal the verdict is coloured: CRITICAL bold red, HIGH RISK red, MODERATE RISK and LOW
 * RISK yellow, SUSPICIOUS magenta, CLEAN green, INVALID grey. Piped output has no escape codes at all.
 */
import { styleText } from 'node:util';
import type { VerdictName } from '../verdicts';
import type { LookupRow } from './lookup-row';

type Style = Parameters<typeof styleText>[0];

/** The colour of each verdict in a terminal table. */
export const VERDICT_STYLES: Readonly<Record<VerdictName, Style>> = {
  CRITICAL: ['bold', 'red'],
  'HIGH RISK': 'red',
  'MODERATE RISK': 'yellow',
  'LOW RISK': 'yellow',
  SUSPICIOUS: 'magenta',
  CLEAN: 'green',
  INVALID: 'gray',
};

const HEADERS = ['indicator', 'type', 'verdict', 'score', 'reasons', 'error'] as const;
const VERDICT_COLUMN = HEADERS.indexOf('verdict');
const MISSING = '-';

/** A cell as one printable line: control characters (escape codes a value might carry) become spaces. */
function cell(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

/** The error without the `<indicator>: ` prefix the pipeline gives it: the row already names the indicator. */
function errorText(row: LookupRow): string {
  if (row.error === null) return '';
  const prefix = `${row.indicator}: `;
  return row.error.startsWith(prefix) ? row.error.slice(prefix.length) : row.error;
}

function cells(row: LookupRow): string[] {
  return [
    row.indicator,
    row.type ?? MISSING,
    row.verdict ?? MISSING,
    row.score === null ? MISSING : String(row.score),
    row.reasons.length > 0 ? row.reasons.join('; ') : MISSING,
    errorText(row),
  ].map(cell);
}

/** True when a table on this stream should be coloured: a terminal, and NO_COLOR not set. */
export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && (env.NO_COLOR ?? '') === '';
}

/** The whole table, one line per row plus the header, each line newline-terminated. */
export function formatTable(rows: readonly LookupRow[], options: { colour: boolean }): string {
  const lines = [[...HEADERS], ...rows.map(cells)];
  const widths = HEADERS.map((_, column) => Math.max(...lines.map((line) => (line[column] ?? '').length)));
  const text = lines.map((line, index) =>
    line
      .map((value, column) => {
        // the last column is not padded: no trailing spaces
        const padded = column === HEADERS.length - 1 ? value : value.padEnd(widths[column] ?? 0);
        const verdict = rows[index - 1]?.verdict;
        if (!options.colour || column !== VERDICT_COLUMN || index === 0 || !verdict) return padded;
        // colour only the word, so the padding after it stays uncoloured
        // validateStream: false, because the caller already decided (Node >= 22 checks process.stdout itself)
        return (
          styleText(VERDICT_STYLES[verdict], value, { validateStream: false }) + padded.slice(value.length)
        );
      })
      .join('  ')
      .trimEnd(),
  );
  return `${text.join('\n')}\n`;
}
