import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createLogger } from '../../src/logging/logger';
import { SecretRegistry } from '../../src/logging/secrets';

const MAX_BYTES = 2048;
const PAD = 'x'.repeat(60);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rotate-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function logBurst(count: number, options: { maxBytes?: number; backupCount?: number }): Promise<void> {
  const log = createLogger({ logPath: dir, secrets: new SecretRegistry(), ...options });
  // one synchronous burst: the case where winston's own File transport loses lines
  for (let i = 0; i < count; i += 1) log.info('burst', { i, pad: PAD });
  await log.close();
}

function fileText(name: string): string {
  const bytes = readFileSync(path.join(dir, name));
  return (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Backups oldest first, then the active file: the order the lines were written in. */
function filesOldestFirst(): string[] {
  const backups = readdirSync(dir)
    .filter((name) => name.endsWith('.gz'))
    .sort((a, b) => Number(b.split('.')[2]) - Number(a.split('.')[2]));
  return [...backups, 'app.log'];
}

function loggedIndexes(): number[] {
  return filesOldestFirst()
    .flatMap((name) => fileText(name).split('\n'))
    .filter((line) => line !== '')
    .map((line) => Number(/ i=(\d+) /.exec(line)?.[1]));
}

describe('RotatingFileTransport', () => {
  it('rotates at maxBytes into numbered gzip backups and keeps every line of a burst, in order', async () => {
    await logBurst(100, { maxBytes: MAX_BYTES, backupCount: 25 });
    const names = readdirSync(dir).sort();
    expect(names.length).toBeGreaterThan(3);
    expect(names).toEqual(
      ['app.log', ...Array.from({ length: names.length - 1 }, (_, i) => `app.log.${i + 1}.gz`)].sort(),
    );
    expect(loggedIndexes()).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('never lets a file grow past maxBytes', async () => {
    await logBurst(100, { maxBytes: MAX_BYTES, backupCount: 25 });
    for (const name of filesOldestFirst()) {
      expect(Buffer.byteLength(fileText(name))).toBeLessThanOrEqual(MAX_BYTES);
    }
  });

  it('keeps at most backupCount backups, dropping the oldest lines', async () => {
    await logBurst(200, { maxBytes: MAX_BYTES, backupCount: 3 });
    expect(readdirSync(dir).sort()).toEqual(['app.log', 'app.log.1.gz', 'app.log.2.gz', 'app.log.3.gz']);
    const indexes = loggedIndexes();
    expect(indexes.at(-1)).toBe(199);
    expect(indexes[0]).toBeGreaterThan(0);
    // what survives is one unbroken run ending with the newest line
    expect(indexes).toEqual(Array.from({ length: indexes.length }, (_, i) => indexes[0]! + i));
  });

  it.each([
    ['backupCount is 0', { maxBytes: MAX_BYTES, backupCount: 0 }],
    ['maxBytes is 0', { maxBytes: 0, backupCount: 5 }],
  ])('never rotates when %s (as Python does)', async (_case, options) => {
    await logBurst(100, options);
    expect(readdirSync(dir)).toEqual(['app.log']);
    expect(loggedIndexes()).toHaveLength(100);
  });

  it('rotates an oversized file left by an earlier run before the first new line', async () => {
    writeFileSync(path.join(dir, 'app.log'), `${'old '.repeat(600)}\n`);
    await logBurst(1, { maxBytes: MAX_BYTES, backupCount: 2 });
    expect(fileText('app.log.1.gz')).toMatch(/^old old/);
    expect(fileText('app.log')).toMatch(/event=burst i=0 /);
  });

  it('writes a single line longer than maxBytes whole', async () => {
    const log = createLogger({ logPath: dir, secrets: new SecretRegistry(), maxBytes: 100, backupCount: 2 });
    log.info('huge', { body: 'y'.repeat(500) });
    await log.close();
    expect(statSync(path.join(dir, 'app.log')).size).toBeGreaterThan(500);
    expect(fileText('app.log')).toMatch(/event=huge body=y{500}\n$/);
  });
});
