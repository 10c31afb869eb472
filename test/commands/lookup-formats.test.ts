import { CSV_COLUMNS, formatCsv, formatJson, formatNdjsonLine } from '../../src/commands/lookup-formats';
import { lookupRow } from '../../src/commands/lookup-row';
import type { LookupRow } from '../../src/commands/lookup-row';
import { csvRecords, parseCsv } from './lookup-harness';

const ENRICHED: LookupRow = lookupRow({
  index: 0,
  indicator: '198.51.100.90',
  type: 'ip',
  outcome: {
    kind: 'enriched',
    data: { success: true, fraud_score: 90, tor: true },
    verdict: { verdict: 'HIGH RISK', score: 90, reasons: ['fraud_score>=85', 'tor'], threatRating: 4 },
    cached: true,
  },
});
const FAILED: LookupRow = lookupRow({
  index: 1,
  indicator: 'x,"y"',
  type: undefined,
  outcome: { kind: 'failed', error: 'x,"y": not an IP address, email address\nor phone' },
});

describe('lookupRow', () => {
  it('keeps the verdict, score, rating, reasons, cache flag and IPQS answer of an enriched result', () => {
    expect(ENRICHED).toEqual({
      indicator: '198.51.100.90',
      type: 'ip',
      verdict: 'HIGH RISK',
      score: 90,
      threat_rating: 4,
      reasons: ['fraud_score>=85', 'tor'],
      error: null,
      cached: true,
      ipqs: { success: true, fraud_score: 90, tor: true },
    });
  });

  it('gives a failed result nulls, no reasons and its error', () => {
    expect(FAILED).toMatchObject({ type: null, verdict: null, score: null, threat_rating: null, ipqs: null });
    expect(FAILED.reasons).toEqual([]);
    expect(FAILED.error).toContain('not an IP address');
  });
});

describe('formatJson', () => {
  it('is an array of the rows in the order given', () => {
    expect(JSON.parse(formatJson([ENRICHED, FAILED]))).toEqual([ENRICHED, FAILED]);
  });

  it('is an empty array for no rows', () => {
    expect(JSON.parse(formatJson([]))).toEqual([]);
  });
});

describe('formatNdjsonLine', () => {
  it('is one line of JSON with the input index first', () => {
    const line = formatNdjsonLine(1, FAILED);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(Object.keys(JSON.parse(line) as object)[0]).toBe('index');
    expect(JSON.parse(line)).toEqual({ index: 1, ...FAILED });
  });
});

describe('formatCsv', () => {
  it('writes the header and one row per result, quoting commas, quotes and line breaks', () => {
    const text = formatCsv([ENRICHED, FAILED]);
    expect(parseCsv(text)[0]).toEqual([...CSV_COLUMNS]);
    expect(csvRecords(text)).toEqual([
      {
        indicator: '198.51.100.90',
        type: 'ip',
        verdict: 'HIGH RISK',
        score: '90',
        threat_rating: '4',
        reasons: 'fraud_score>=85; tor',
        error: '',
      },
      {
        indicator: 'x,"y"',
        type: '',
        verdict: '',
        score: '',
        threat_rating: '',
        reasons: '',
        error: 'x,"y": not an IP address, email address\nor phone',
      },
    ]);
  });

  it('writes only the header for no rows', () => {
    expect(formatCsv([])).toBe(`${CSV_COLUMNS.join(',')}\n`);
  });
});
