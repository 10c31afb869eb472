// `node dist/cli.js simulate` in a child process: the URL it prints serves lookups, a signal stops it
// with exit 0, and a bad knob exits 1 with one line naming the option.
import { spawn } from 'node:child_process';
import path from 'node:path';
import axios from 'axios';
import { InvalidArgumentError } from 'commander';
import { numberOption } from '../../src/commands/simulate-command';
import { startSimulator } from '../../src/simulator';
import { runNode } from '../helpers/run-main';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
// the startup lines end with the IPQS_BASE_URL hint
const STARTED = /^IPQS simulator listening on (http:\/\/\S+)\n.*IPQS_BASE_URL=.*\n/m;

interface Running {
  readonly url: string;
  readonly stdout: () => string;
  /** Sends `signal` and resolves with the exit code and signal. */
  stop(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `ipqs-tc simulate ...args` and resolves once it prints its URL. */
function simulate(args: readonly string[]): Promise<Running> {
  const child = spawn(process.execPath, [CLI, 'simulate', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const url = STARTED.exec(stdout)?.[1];
      if (url)
        resolve({
          url,
          stdout: () => stdout,
          stop: (signal) => {
            child.kill(signal);
            return exited;
          },
        });
    });
    void exited.then(({ code }) =>
      reject(new Error(`simulate exited (${code}) before listening: ${stderr}`)),
    );
  });
}

describe('ipqs-tc simulate', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'serves lookups at the URL it prints until %s, then exits 0',
    async (signal) => {
      const running = await simulate(['--port', '0']);
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/json$/);
      expect(running.url).not.toContain(':0/');
      expect(running.stdout()).toContain(`IPQS_BASE_URL=${running.url}`);
      const answer = await axios.get<{ success: boolean; fraud_score: number }>(
        `${running.url}/ip/any-key/198.51.100.90`,
      );
      expect(answer.data).toMatchObject({ success: true, fraud_score: 90 });
      expect(await running.stop(signal)).toEqual({ code: 0, signal: null });
      expect(running.stdout()).toMatch(
        new RegExp(`IPQS simulator stopped on ${signal} after 1 requests\\n$`),
      );
    },
  );

  it('passes the knobs to the simulator: --fail-rate 1 fails every lookup', async () => {
    const running = await simulate(['--port', '0', '--fail-rate', '1', '--seed', '7', '--latency-ms', '0']);
    const answer = await axios
      .get(`${running.url}/ip/any-key/198.51.100.1`, { validateStatus: () => true })
      .then((response) => response.status)
      .catch((error: unknown) => (error as { code?: string }).code);
    expect([500, 502, 503, 'ECONNRESET']).toContain(answer);
    expect((await running.stop('SIGTERM')).code).toBe(0);
  });

  it.each([
    [
      '--port',
      '70000',
      "error: option '--port <n>' argument '70000' is invalid. It must be a whole number from 0 to 65535.",
    ],
    [
      '--latency-ms',
      'soon',
      "error: option '--latency-ms <ms>' argument 'soon' is invalid. It must be a number of at least 0.",
    ],
    [
      '--jitter-ms',
      '-1',
      "error: option '--jitter-ms <ms>' argument '-1' is invalid. It must be a number of at least 0.",
    ],
    [
      '--rate-limit',
      '2.5',
      "error: option '--rate-limit <n>' argument '2.5' is invalid. It must be a whole number of at least 0.",
    ],
    [
      '--fail-rate',
      '1.5',
      "error: option '--fail-rate <fraction>' argument '1.5' is invalid. It must be a number from 0 to 1.",
    ],
    ['--seed', 'x', "error: option '--seed <n>' argument 'x' is invalid. It must be a whole number."],
  ])('exits 1 with one line naming %s when its value is %s', async (option, value, line) => {
    const result = await runNode(CLI, { args: ['simulate', option, value] });
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: `${line}\n` });
  });

  it('exits 1 with one line when the port is taken', async () => {
    const taken = await startSimulator();
    try {
      const result = await runNode(CLI, { args: ['simulate', '--port', String(taken.port)] });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(
        new RegExp(`^simulator cannot listen on 127\\.0\\.0\\.1:${taken.port}: [^\\n]*EADDRINUSE[^\\n]*\\n$`),
      );
    } finally {
      await taken.close();
    }
  });
});

describe('numberOption', () => {
  it.each([
    [{ min: 0, max: 1 }, '0.25', 0.25],
    [{ min: 0, integer: true }, '12', 12],
    [{ integer: true }, '-3', -3],
    [{ min: 0 }, '1e3', 1000],
  ])('parses with %j the value %s as %d', (options, raw, value) => {
    expect(numberOption(options)(raw)).toBe(value);
  });

  it.each([
    [{ min: 0 }, ''],
    [{ min: 0 }, ' '],
    [{ min: 0 }, 'Infinity'],
    [{ integer: true }, '1.5'],
    [{ min: 0, max: 1 }, '-0.1'],
  ])('refuses with %j the value %j', (options, raw) => {
    expect(() => numberOption(options)(raw)).toThrow(InvalidArgumentError);
  });
});
