import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../src/errors';
import type { LogLevel } from '../../src/logging/log';
import { createLogger, createMemoryLog } from '../../src/logging/logger';
import { SecretRegistry } from '../../src/logging/secrets';

const LINE =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z - ipqs-tc - (TRACE|DEBUG|INFO|WARNING|ERROR|CRITICAL) - event=\S+/;
const SECRET = 'S3cr3t-ipqs-key/with+chars';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'logger-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function fileLines(file = path.join(dir, 'app.log')): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
}

const LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warning', 'error', 'critical'];

async function logEveryLevel(level: LogLevel): Promise<string[]> {
  const log = createLogger({ logPath: dir, level, secrets: new SecretRegistry() });
  for (const name of LEVELS) log[name]('level-check', { at: name });
  await log.close();
  return fileLines().map((line) => line.replace(/^.* event=level-check at=/, ''));
}

describe('createLogger', () => {
  it('writes tcex-layout key=value lines to <logPath>/app.log, creating the directories', async () => {
    const logPath = path.join(dir, 'nested', 'logs');
    const log = createLogger({ logPath, secrets: new SecretRegistry() });
    log.info('ipqs-request', { type: 'ip', status: 200 });
    await log.close();
    const lines = fileLines(path.join(logPath, 'app.log'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(LINE);
    expect(lines[0]).toMatch(/ - ipqs-tc - INFO - event=ipqs-request type=ip status=200$/);
  });

  it('writes to the given log file name', async () => {
    const log = createLogger({ logPath: dir, logFile: 'run-42.log', secrets: new SecretRegistry() });
    log.warning('named');
    await log.close();
    expect(fileLines(path.join(dir, 'run-42.log'))[0]).toContain(' - WARNING - event=named');
  });

  it.each([
    ['trace', ['trace', 'debug', 'info', 'warning', 'error', 'critical']],
    ['debug', ['debug', 'info', 'warning', 'error', 'critical']],
    ['info', ['info', 'warning', 'error', 'critical']],
    ['warning', ['warning', 'error', 'critical']],
    ['error', ['error', 'critical']],
    ['critical', ['critical']],
  ] as const)('at level %s writes only %j', async (level, expected) => {
    await expect(logEveryLevel(level)).resolves.toEqual(expected);
  });

  it('defaults to level info', async () => {
    const log = createLogger({ logPath: dir, secrets: new SecretRegistry() });
    log.debug('hidden');
    log.info('shown');
    await log.close();
    expect(fileLines()).toEqual([expect.stringContaining('event=shown')]);
  });

  it('appends to an existing log file', async () => {
    writeFileSync(path.join(dir, 'app.log'), 'earlier line\n');
    const log = createLogger({ logPath: dir, secrets: new SecretRegistry() });
    log.info('later');
    await log.close();
    expect(fileLines()).toEqual(['earlier line', expect.stringContaining('event=later')]);
  });

  it('has a line on disk as soon as it is logged, before close', async () => {
    const log = createLogger({ logPath: dir, secrets: new SecretRegistry() });
    log.error('crash-soon', { reason: 'x' });
    expect(fileLines()).toEqual([expect.stringContaining('event=crash-soon reason=x')]);
    await log.close();
  });

  it('resolves close for a logger that wrote nothing, and again on a second call', async () => {
    const log = createLogger({ logPath: dir, secrets: new SecretRegistry() });
    await log.close();
    await log.close();
    expect(fileLines()).toEqual([]);
  });

  it('drops lines logged after close instead of throwing', async () => {
    const log = createLogger({ logPath: dir, secrets: new SecretRegistry() });
    log.info('before');
    await log.close();
    expect(() => log.info('after')).not.toThrow();
    expect(fileLines()).toEqual([expect.stringContaining('event=before')]);
  });

  it('throws AppError naming the file when the log directory cannot be created', () => {
    const blocker = path.join(dir, 'not-a-dir');
    writeFileSync(blocker, '');
    expect(() =>
      createLogger({ logPath: path.join(blocker, 'logs'), secrets: new SecretRegistry() }),
    ).toThrow(AppError);
    expect(() =>
      createLogger({ logPath: path.join(blocker, 'logs'), secrets: new SecretRegistry() }),
    ).toThrow(/^log file .*not-a-dir\/logs\/app\.log: could not be opened \(E[A-Z]+\)$/);
  });

  it('writes every line to stderr as well when console is on', async () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const secrets = new SecretRegistry();
      secrets.add(SECRET);
      const log = createLogger({ logPath: dir, secrets, console: true });
      log.info('verbose', { key: SECRET });
      await log.close();
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toMatch(/ - INFO - event=verbose key=\*\*\*\n$/);
    expect(written.join('')).not.toContain(SECRET);
  });
});

describe('createLogger redaction', () => {
  it.each([
    ['a field value', { key: SECRET }],
    ['a field inside a longer string', { url: `https://ipqualityscore.com/api/json/ip/${SECRET}/8.8.8.8` }],
    ['an Error message', { error: new Error(`request failed for key ${SECRET}`) }],
    ['a nested object', { request: { headers: { 'IPQS-KEY': SECRET }, tries: [1, SECRET] } }],
    ['an Error inside a nested object', { detail: { cause: new Error(SECRET) } }],
    ['the URL-encoded form', { url: `https://x.test/?key=${encodeURIComponent(SECRET)}` }],
    ['the form-encoded form', { query: new URLSearchParams({ key: SECRET }).toString() }],
  ])('masks a secret in %s in the file', async (_case, fields) => {
    const secrets = new SecretRegistry();
    secrets.add(SECRET);
    const log = createLogger({ logPath: dir, secrets });
    log.info('leak-check', fields);
    await log.close();
    const bytes = readFileSync(path.join(dir, 'app.log'));
    expect(bytes.includes(Buffer.from(SECRET))).toBe(false);
    expect(bytes.includes(Buffer.from(encodeURIComponent(SECRET)))).toBe(false);
    expect(bytes.toString('utf8')).toContain('***');
  });

  it('masks a secret registered after the logger was created', async () => {
    const secrets = new SecretRegistry();
    const log = createLogger({ logPath: dir, secrets });
    log.info('before-registration', { token: 'not-yet-secret' });
    secrets.add(SECRET);
    log.info('after-registration', { token: SECRET, event2: `x ${SECRET} y` });
    await log.close();
    const text = readFileSync(path.join(dir, 'app.log'), 'utf8');
    expect(text).not.toContain(SECRET);
    expect(text).toContain('event=after-registration token=*** event2="x *** y"');
  });

  it('masks a secret in the event name itself', async () => {
    const secrets = new SecretRegistry();
    secrets.add(SECRET);
    const log = createLogger({ logPath: dir, secrets });
    log.critical(`bad-${SECRET}`);
    await log.close();
    expect(readFileSync(path.join(dir, 'app.log'), 'utf8')).toContain('event=bad-***');
  });
});

describe('createMemoryLog', () => {
  it('keeps lines in the file layout, every level by default', () => {
    const log = createMemoryLog();
    log.trace('t');
    log.info('ipqs-request', { type: 'ip' });
    expect(log.lines).toEqual([
      expect.stringMatching(/ - ipqs-tc - TRACE - event=t$/),
      expect.stringMatching(/ - ipqs-tc - INFO - event=ipqs-request type=ip$/),
    ]);
    expect(log.lines[0]).toMatch(LINE);
  });

  it.each([
    ['a registry', (secrets: SecretRegistry) => createMemoryLog(secrets)],
    ['options', (secrets: SecretRegistry) => createMemoryLog({ secrets })],
  ])('redacts when given %s', (_case, make) => {
    const secrets = new SecretRegistry();
    const log = make(secrets);
    secrets.add(SECRET);
    log.error('leak', { error: new Error(SECRET) });
    expect(log.lines).toEqual([expect.stringMatching(/event=leak error=\*\*\*$/)]);
  });

  it('filters by level when given one', async () => {
    const log = createMemoryLog({ level: 'warning' });
    log.info('dropped');
    log.warning('kept');
    await log.close();
    expect(log.lines).toEqual([expect.stringContaining('event=kept')]);
  });
});
