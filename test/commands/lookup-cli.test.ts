// The built `node dist/cli.js lookup ...` in a child process (stdout and stderr are pipes), against a
// simulator started here.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NO_KEY_MESSAGE } from '../../src/commands/lookup-key';
import { startSimulator } from '../../src/simulator';
import type { Simulator } from '../../src/simulator';
import { runNode } from '../helpers/run-main';
import type { RunNodeResult } from '../helpers/run-main';
import { csvRecords } from './lookup-harness';

const CLI_JS = path.resolve(__dirname, '../../dist/cli.js');
const CANARY = 'CanaryCliKey0123456789abcdefXYZ';
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(async () => {
  await simulator.close();
});

function cli(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<RunNodeResult> {
  return runNode(CLI_JS, {
    args: ['lookup', '--base-url', simulator.url, ...args],
    env: options.env ?? { IPQS_API_KEY: CANARY },
    ...(options.input === undefined ? {} : { input: options.input }),
  });
}

interface JsonRow {
  readonly index?: number;
  readonly indicator: string;
  readonly verdict: string | null;
  readonly error: string | null;
}

describe('node dist/cli.js lookup', () => {
  it('prints a plain table when piped and exits 0 when every lookup succeeded', async () => {
    const result = await cli(['198.51.100.90', 'score-5@example.com']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(ANSI);
    expect(result.stdout.split('\n')[0]).toMatch(/^indicator\s+type\s+verdict\s+score\s+reasons\s+error$/);
    expect(result.stdout).toMatch(/198\.51\.100\.90\s+ip\s+HIGH RISK\s+90/);
  });

  it('prints json that parses back, in input order', async () => {
    const result = await cli(['--format', 'json', '198.51.100.20', 'not-an-indicator', 'risk-70.example']);
    const rows = JSON.parse(result.stdout) as JsonRow[];
    expect(rows.map((row) => [row.indicator, row.verdict])).toEqual([
      ['198.51.100.20', 'CLEAN'],
      ['not-an-indicator', null],
      ['risk-70.example', 'LOW RISK'],
    ]);
    expect(result.code).toBe(1);
  });

  it('prints ndjson, one parseable object per line with its index', async () => {
    const result = await cli(['--format', 'ndjson', '198.51.100.1', '198.51.100.2', '198.51.100.3']);
    const rows = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as JsonRow);
    expect(rows.map((row) => row.index).sort()).toEqual([0, 1, 2]);
    expect(rows.find((row) => row.index === 2)?.indicator).toBe('198.51.100.3');
  });

  it('prints csv that parses back, quotes included', async () => {
    const result = await cli(['--format', 'csv', 'not-an-indicator', '198.51.100.90']);
    expect(csvRecords(result.stdout)).toEqual([
      {
        indicator: 'not-an-indicator',
        type: '',
        verdict: '',
        score: '',
        threat_rating: '',
        reasons: '',
        error: 'not-an-indicator: not an IP address, email address, URL, domain or phone number',
      },
      {
        indicator: '198.51.100.90',
        type: 'ip',
        verdict: 'HIGH RISK',
        score: '90',
        threat_rating: '4',
        reasons: 'fraud_score>=85',
        error: '',
      },
    ]);
  });

  it('reads the indicators from stdin when no value is given', async () => {
    const result = await cli(['--format', 'json'], {
      input: '# list\n198.51.100.5\n\nscore-9@example.com\n',
    });
    expect((JSON.parse(result.stdout) as JsonRow[]).map((row) => row.indicator)).toEqual([
      '198.51.100.5',
      'score-9@example.com',
    ]);
    expect(result.code).toBe(0);
  });

  it('reads the indicators from --file', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ipqs-lookup-cli-')), 'list.txt');
    writeFileSync(file, '198.51.100.6\nrisk-1.example\n');
    const result = await cli(['--format', 'json', '--file', file]);
    expect((JSON.parse(result.stdout) as JsonRow[]).map((row) => row.indicator)).toEqual([
      '198.51.100.6',
      'risk-1.example',
    ]);
  });

  it.each<[string, string[], number]>([
    ['0 when every result is below --fail-on', ['--fail-on', 'high risk', '198.51.100.84'], 0],
    ['2 when a result reaches --fail-on', ['--fail-on', 'HIGH_RISK', '198.51.100.85'], 2],
    ['1 when an indicator failed', ['198.51.100.1', '192.0.2.4'], 1],
  ])('exits %s', async (_case, args, expected) => {
    expect((await cli(args)).code).toBe(expected);
  });

  it('without a key, exits 1 with one line naming IPQS_API_KEY and --key-file', async () => {
    const result = await cli(['198.51.100.1'], { env: {} });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`ipqs-tc lookup: ${NO_KEY_MESSAGE}\n`);
  });

  it('never prints the key, in any format, with failing lookups and the key inside an indicator', async () => {
    const values = ['198.51.100.90', '192.0.2.4', 'nope', `${CANARY}@example.com`];
    for (const format of ['table', 'json', 'ndjson', 'csv']) {
      const result = await cli(['--format', format, '--verbose', ...values]);
      expect(result.stdout).toContain('198.51.100.90');
      expect(`${result.stdout}${result.stderr}`).not.toContain(CANARY);
    }
  });
});
