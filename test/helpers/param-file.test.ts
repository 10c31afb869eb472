// The param-file helper is the reference the end-to-end tests hold the app to, so it is checked here
// against a third implementation: the openssl command line.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pythonJsonDumps, randomKey, writeEncryptedParams } from './param-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'param-file-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function opensslDecrypt(file: string, key: string): string {
  const bits = 8 * Buffer.byteLength(key);
  const hexKey = Buffer.from(key, 'utf8').toString('hex');
  return execFileSync(
    'openssl',
    ['enc', '-d', `-aes-${bits}-cbc`, '-K', hexKey, '-iv', '0'.repeat(32), '-in', file],
    {
      encoding: 'utf8',
    },
  );
}

describe('writeEncryptedParams', () => {
  it.each([16, 24, 32] as const)('writes a file openssl decrypts with a %i-character key', (length) => {
    const key = randomKey(length);
    const params = { tc_token: 'tok', indicator: '8.8.8.8', fail_on_error: true, tc_kvstore_port: 6379 };
    const file = writeEncryptedParams(dir, params, key);
    expect(path.dirname(file)).toBe(dir);
    expect(JSON.parse(opensslDecrypt(file, key))).toEqual(params);
  });
});

describe('pythonJsonDumps', () => {
  it('sorts keys at every depth and uses Python separators', () => {
    expect(pythonJsonDumps({ b: 1, a: { d: [true, null], c: 'x' } })).toBe(
      '{"a": {"c": "x", "d": [true, null]}, "b": 1}',
    );
  });

  it('escapes non-ASCII characters like ensure_ascii', () => {
    expect(pythonJsonDumps({ name: 'café 😀' })).toBe('{"name": "caf\\u00e9 \\ud83d\\ude00"}');
  });
});

describe('randomKey', () => {
  it.each([16, 24, 32] as const)('makes %i lowercase letters', (length) => {
    expect(randomKey(length)).toMatch(new RegExp(`^[a-z]{${length}}$`));
  });
});
