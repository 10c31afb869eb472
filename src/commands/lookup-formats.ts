/**
 * The machine formats of `ipqs-tc lookup`: `json` (one array, input order), `ndjson` (one object per line as
 * results arrive, with its input `index`) and `csv` (a header and the flat columns, input order).
 */
import { stringify } from 'csv-stringify/sync';
import type { LookupRow } from './lookup-row';

/** The csv columns, in order. */
export const CSV_COLUMNS = [
  'indicator',
  'type',
  'verdict',
  'score',
  'threat_rating',
  'reasons',
  'error',
] as const;

/** The `json` format: an array of rows, pretty-printed, newline-terminated. */
export function formatJson(rows: readonly LookupRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** One `ndjson` line: the row with its position in the input first. */
export function formatNdjsonLine(index: number, row: LookupRow): string {
  return `${JSON.stringify({ index, ...row })}\n`;
}

function csvCells(row: LookupRow): string[] {
  return [
    row.indicator,
    row.type ?? '',
    row.verdict ?? '',
    row.score === null ? '' : String(row.score),
    row.threat_rating === null ? '' : String(row.threat_rating),
    row.reasons.join('; '),
    row.error ?? '',
  ];
}

/** The `csv` format: RFC 4180 quoting (fields with commas, quotes or line breaks are quoted). */
export function formatCsv(rows: readonly LookupRow[]): string {
  return stringify(rows.map(csvCells), { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'unix' });
}
