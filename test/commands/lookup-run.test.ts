// `ipqs-tc lookup` in-process with injected streams, against a simulator started here: terminal
// behaviour (colours, progress bar), a stdout whose reader went away, and the key never printed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import nock from 'nock';
import { startSimulator } from '../../src/simulator';
import type { Simulator } from '../../src/simulator';
import { fakeIo, lookupAgainst, runLookupCommand } from './lookup-harness';
import type { FakeIoOptions } from './lookup-harness';

const CANARY = 'CanaryLookupKey0123456789abcdefXYZ';
const ECHO_HOST = 'https://ipqs-echo.test';
const IP_RISKY = JSON.parse(
  readFileSync(path.resolve(__dirname, '../fixtures/ipqs/ip-risky.json'), 'utf8'),
) as Record<string, unknown>;
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

describe('ipqs-tc lookup with a closed stdout', () => {
  it('stops looking up once the reader of stdout is gone (| head), without crashing', async () => {
    const stdout = Object.assign(
      new Writable({
        write(_chunk, _encoding, done) {
          done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
        },
      }),
      { isTTY: false },
    );
    const io = { ...fakeIo({ env: { IPQS_API_KEY: CANARY } }), stdout };
    const values = ['198.51.100.31', '198.51.100.32', '198.51.100.33', '198.51.100.34', '198.51.100.35'];
    const before = lookupsSent();
    const code = await runLookupCommand(
      ['--base-url', simulator.url, '--format', 'ndjson', '--max-concurrency', '1', ...values],
      io,
    );
    expect(code).toBe(1);
    // the first lookup's line hits the closed pipe; at most the lookup already under way follows it
    expect(lookupsSent() - before).toBeLessThanOrEqual(2);
    expect(io.stderr.text).toContain('IPQS: 5 indicators');
  });
});

describe('ipqs-tc lookup on a terminal', () => {
  it('colours the verdicts when stdout is a terminal', async () => {
    const { io } = await lookup(['198.51.100.90', '198.51.100.1'], { stdoutTty: true });
    expect(io.stdout.text).toContain('\u001b[31mHIGH RISK\u001b[39m');
    expect(io.stdout.text).toContain('\u001b[32mCLEAN\u001b[39m');
  });

  it('writes no colour with NO_COLOR, even on a terminal', async () => {
    const { io } = await lookup(['198.51.100.90'], {
      stdoutTty: true,
      env: { IPQS_API_KEY: CANARY, NO_COLOR: '1' },
    });
    expect(io.stdout.text).not.toMatch(ANSI);
  });

  it('shows a progress bar on a terminal stderr for more than one indicator', async () => {
    const { io } = await lookup(['198.51.100.1', '198.51.100.2', '198.51.100.3'], { stderrTty: true });
    expect(io.stderr.text).toContain('ipqs-tc lookup [');
    expect(io.stderr.text).toContain('3/3');
    expect(io.stdout.text).not.toContain('ipqs-tc lookup [');
  });

  it.each<[string, FakeIoOptions, string[]]>([
    ['stderr is piped', { stderrTty: false }, ['198.51.100.1', '198.51.100.2', '198.51.100.3']],
    ['there is one indicator', { stderrTty: true }, ['198.51.100.1']],
  ])('shows no progress bar when %s', async (_case, options, values) => {
    const { io } = await lookup(values, options);
    expect(io.stderr.text).not.toContain('ipqs-tc lookup [');
  });
});

describe('ipqs-tc lookup secrecy', () => {
  const values = ['198.51.100.90', '192.0.2.4', 'not-an-indicator', `${CANARY}@example.com`];

  it.each(['table', 'json', 'ndjson', 'csv'])(
    'never prints the key in %s, not even when an indicator holds it',
    async (format) => {
      const { io } = await lookup(['--format', format, '--verbose', ...values], {
        stderrTty: true,
        stdoutTty: true,
      });
      expect(io.stdout.text).toContain('198.51.100.90');
      expect(`${io.stdout.text}${io.stderr.text}`).not.toContain(CANARY);
      expect(`${io.stdout.text}${io.stderr.text}`).toContain('***');
    },
  );

  it('never prints a key read from --key-file, nor the env key it overrides', async () => {
    const fileKey = 'FileCanaryKey0123456789abcdef';
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ipqs-lookup-cmd-')), 'ipqs.key');
    writeFileSync(file, `${fileKey}\n`);
    const { io } = await lookup([
      '--key-file',
      file,
      '--format',
      'json',
      `${fileKey}@example.com`,
      `${CANARY}@example.com`,
    ]);
    const printed = `${io.stdout.text}${io.stderr.text}`;
    expect(printed).not.toContain(fileKey);
    expect(printed).not.toContain(CANARY);
  });

  it.each(['table', 'json', 'ndjson', 'csv'])(
    'masks the key when IPQS echoes it back, in %s',
    async (format) => {
      const echo = { ...IP_RISKY, host: `${CANARY}.echo.example`, request_id: CANARY };
      nock(ECHO_HOST)
        .get('/api/json/ip')
        .query((query) => query.ip === '198.51.100.7')
        .reply(200, echo)
        .get('/api/json/ip')
        .query((query) => query.ip === '198.51.100.8')
        .reply(200, { success: false, message: `Not a valid request for key ${CANARY}`, request_id: CANARY });
      const io = fakeIo({ env: { IPQS_API_KEY: CANARY } });
      const code = await runLookupCommand(
        [
          '--base-url',
          `${ECHO_HOST}/api/json`,
          '--format',
          format,
          '--verbose',
          '198.51.100.7',
          '198.51.100.8',
        ],
        io,
      );
      expect(code).toBe(1);
      expect(io.stdout.text).toContain('198.51.100.7');
      expect(`${io.stdout.text}${io.stderr.text}`).not.toContain(CANARY);
    },
  );

  it('refuses a key on the command line and never prints it', async () => {
    const { code, io } = await lookup(['--key', 'ArgvCanaryKey0123456789', '198.51.100.1']);
    expect(code).toBe(1);
    expect(io.stderr.text).toContain('set IPQS_API_KEY or pass --key-file PATH');
    expect(`${io.stdout.text}${io.stderr.text}`).not.toContain('ArgvCanaryKey0123456789');
  });
});
