// `ipqs-tc lookup` in-process through commander, with injected streams, against a simulator started here:
// the formats, exit codes, usage errors and input sources.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NO_KEY_MESSAGE } from '../../src/commands/lookup-key';
import { startSimulator } from '../../src/simulator';
import type { Simulator } from '../../src/simulator';
import { csvRecords, fakeIo, lookupAgainst, runLookupCommand } from './lookup-harness';
import type { JsonRow } from './lookup-harness';

const CANARY = 'CanaryLookupKey0123456789abcdefXYZ';
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(async () => {
  await simulator.close();
});

const lookup = lookupAgainst(() => simulator, CANARY);

function lookupsSent(): number {
  return simulator.stats().requests.total;
}

const MIXED = [
  '198.51.100.90',
  'score-5@example.com',
  'not-an-indicator',
  'risk-60.example',
  '+1 800 555 0010',
];

describe('ipqs-tc lookup formats', () => {
  it('prints a plain table in input order when stdout is piped', async () => {
    const { code, io } = await lookup(MIXED);
    const lines = io.stdout.text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^indicator\s+type\s+verdict\s+score\s+reasons\s+error$/);
    expect(lines.slice(1).map((line) => line.split(/\s+/)[0])).toEqual([
      '198.51.100.90',
      'score-5@example.com',
      'not-an-indicator',
      'risk-60.example',
      '+18005550010',
    ]);
    expect(lines[1]).toMatch(/^198\.51\.100\.90\s+ip\s+HIGH RISK\s+90\s+fraud_score>=85$/);
    expect(io.stdout.text).not.toMatch(ANSI);
    expect(code).toBe(1);
  });

  it('prints json: an array of rows in input order with the IPQS answer', async () => {
    const { code, io } = await lookup(['--format', 'json', ...MIXED]);
    const rows = JSON.parse(io.stdout.text) as JsonRow[];
    expect(rows.map((row) => row.indicator)).toEqual([
      '198.51.100.90',
      'score-5@example.com',
      'not-an-indicator',
      'risk-60.example',
      '+18005550010',
    ]);
    expect(rows[0]).toMatchObject({
      type: 'ip',
      verdict: 'HIGH RISK',
      score: 90,
      threat_rating: 4,
      reasons: ['fraud_score>=85'],
      error: null,
      cached: false,
    });
    expect(rows[0]?.ipqs).toMatchObject({ success: true, fraud_score: 90 });
    expect(rows[2]).toMatchObject({ type: null, verdict: null, score: null, ipqs: null });
    expect(rows[2]?.error).toMatch(/^not-an-indicator: /);
    expect(Object.keys(rows[1] ?? {})).toEqual([
      'indicator',
      'type',
      'verdict',
      'score',
      'threat_rating',
      'reasons',
      'error',
      'cached',
      'ipqs',
    ]);
    expect(code).toBe(1);
  });

  it('prints ndjson: one object per line, each with its input index', async () => {
    const { io } = await lookup(['--format', 'ndjson', ...MIXED]);
    const lines = io.stdout.text.trimEnd().split('\n');
    expect(lines).toHaveLength(MIXED.length);
    const rows = lines.map((line) => JSON.parse(line) as JsonRow);
    const byIndex = [...rows].sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
    expect(byIndex.map((row) => row.index)).toEqual([0, 1, 2, 3, 4]);
    expect(byIndex.map((row) => row.verdict)).toEqual(['HIGH RISK', 'CLEAN', null, 'SUSPICIOUS', 'CLEAN']);
  });

  it('prints csv: the header and the flat columns in input order', async () => {
    const { io } = await lookup(['--format', 'csv', ...MIXED]);
    const records = csvRecords(io.stdout.text);
    expect(io.stdout.text.split('\n')[0]).toBe('indicator,type,verdict,score,threat_rating,reasons,error');
    expect(records.map((record) => record.indicator)).toEqual([
      '198.51.100.90',
      'score-5@example.com',
      'not-an-indicator',
      'risk-60.example',
      '+18005550010',
    ]);
    expect(records[0]).toEqual({
      indicator: '198.51.100.90',
      type: 'ip',
      verdict: 'HIGH RISK',
      score: '90',
      threat_rating: '4',
      reasons: 'fraud_score>=85',
      error: '',
    });
    // the reason holds a comma, so this row is quoted in the file
    expect(records[2]?.error).toBe(
      'not-an-indicator: not an IP address, email address, URL, domain or phone number',
    );
  });

  it('drops personal data from the IPQS answer unless --include-personal-data', async () => {
    const without = JSON.parse(
      (await lookup(['--format', 'json', 'score-5@example.com'])).io.stdout.text,
    ) as JsonRow[];
    const withData = JSON.parse(
      (await lookup(['--format', 'json', '--include-personal-data', 'score-5@example.com'])).io.stdout.text,
    ) as JsonRow[];
    expect(without[0]?.ipqs).not.toHaveProperty('associated_names');
    expect(withData[0]?.ipqs).toHaveProperty('associated_names');
  });

  it('applies --type to every value', async () => {
    const { io } = await lookup(['--format', 'json', '--type', 'url', 'risk-10.example']);
    expect((JSON.parse(io.stdout.text) as JsonRow[])[0]?.type).toBe('url');
  });
});

describe('ipqs-tc lookup exit codes', () => {
  it.each<[string, string[], NodeJS.ProcessEnv | undefined, number]>([
    ['every lookup succeeded', ['198.51.100.10', 'score-5@example.com'], undefined, 0],
    ['an invalid indicator', ['198.51.100.10', 'not-an-indicator'], undefined, 1],
    ['a failed lookup', ['198.51.100.10', '192.0.2.4'], undefined, 1],
    ['a fatal IPQS error', ['198.51.100.10'], { IPQS_API_KEY: 'invalid-key' }, 1],
    ['--fail-on high with a HIGH RISK result', ['--fail-on', 'high', '198.51.100.90'], undefined, 2],
    [
      '--fail-on HIGH_RISK with a CRITICAL result',
      ['--fail-on', 'HIGH_RISK', 'phishing.example'],
      undefined,
      2,
    ],
    [
      '--fail-on "high risk" with results below it',
      ['--fail-on', 'high risk', '198.51.100.80'],
      undefined,
      0,
    ],
    [
      '--fail-on high with a finding and a failure',
      ['--fail-on', 'high', '198.51.100.95', 'nope'],
      undefined,
      2,
    ],
    [
      '--fail-on critical with a failure and no finding',
      ['--fail-on', 'critical', '198.51.100.95', 'nope'],
      undefined,
      1,
    ],
  ])('%s => %i', async (_case, args, env, expected) => {
    const { code } = await lookup(args, env ? { env } : {});
    expect(code).toBe(expected);
  });

  it('reports the run that stopped on a fatal error on stderr', async () => {
    const { io } = await lookup(['198.51.100.10', '198.51.100.11'], { env: { IPQS_API_KEY: 'invalid-key' } });
    expect(io.stderr.text).toContain('IPQS: run stopped: IPQS ip lookup failed: invalid API key');
  });
});

describe('ipqs-tc lookup usage', () => {
  it('without a key and without --simulate, exits 1 with one line naming both key sources, sending nothing', async () => {
    const before = lookupsSent();
    const { code, io } = await lookup(['198.51.100.1'], { env: {} });
    expect(code).toBe(1);
    expect(io.stderr.text).toBe(`ipqs-tc lookup: ${NO_KEY_MESSAGE}\n`);
    expect(io.stdout.text).toBe('');
    expect(lookupsSent()).toBe(before);
  });

  it('runs with --simulate and no key at all', async () => {
    const io = fakeIo({ env: {} });
    const code = await runLookupCommand(['--simulate', '--format', 'json', '198.51.100.10'], io);
    expect(code).toBe(0);
    expect((JSON.parse(io.stdout.text) as JsonRow[])[0]?.verdict).toBe('CLEAN');
  });

  it('prints one line per bad option and exits 1 without a lookup', async () => {
    const before = lookupsSent();
    const { code, io } = await lookup([
      '--ip-strictness',
      '5',
      '--format',
      'xml',
      '--email-timeout',
      '0',
      '198.51.100.1',
    ]);
    expect(code).toBe(1);
    expect(io.stderr.text.trimEnd().split('\n')).toEqual([
      'ipqs-tc lookup: --format: must be one of table, json, ndjson, csv (got "xml")',
      'ipqs-tc lookup: --ip-strictness: must be an integer from 0 to 3 (got "5")',
      'ipqs-tc lookup: --email-timeout: must be an integer from 1 to 60 (got "0")',
    ]);
    expect(lookupsSent()).toBe(before);
  });

  it('exits 1 with one line when there are no indicators', async () => {
    const { code, io } = await lookup([], { stdin: '# only a comment\n' });
    expect(code).toBe(1);
    expect(io.stderr.text.trimEnd().split('\n')).toHaveLength(1);
    expect(io.stderr.text).toContain('no indicators');
  });
});

describe('ipqs-tc lookup input', () => {
  it('reads piped stdin when no value is given', async () => {
    const { code, io } = await lookup(['--format', 'json'], {
      stdin: '# batch\n198.51.100.1\n\nscore-7@example.com\n',
    });
    expect(code).toBe(0);
    expect((JSON.parse(io.stdout.text) as JsonRow[]).map((row) => row.indicator)).toEqual([
      '198.51.100.1',
      'score-7@example.com',
    ]);
  });

  it('reads --file - from stdin', async () => {
    const { io } = await lookup(['--format', 'json', '--file', '-'], { stdin: '198.51.100.2\n' });
    expect((JSON.parse(io.stdout.text) as JsonRow[]).map((row) => row.indicator)).toEqual(['198.51.100.2']);
  });

  it('reads --file PATH after the argument values', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ipqs-lookup-cmd-')), 'list.txt');
    writeFileSync(file, '198.51.100.3\n# skip\nrisk-5.example\n');
    const { io } = await lookup(['--format', 'json', '--file', file, '198.51.100.4']);
    expect((JSON.parse(io.stdout.text) as JsonRow[]).map((row) => row.indicator)).toEqual([
      '198.51.100.4',
      '198.51.100.3',
      'risk-5.example',
    ]);
  });
});
