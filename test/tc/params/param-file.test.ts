import { createCipheriv } from 'node:crypto';
import fs, { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ParamFileError } from '../../../src/errors';
import { encryptParams, readParamFile, writeParamFile } from '../../../src/tc/params/param-file';

const KEY_16 = 'abcdefghijklmnop';
const KEY_24 = 'abcdefghijklmnopqrstuvwx';
const KEY_32 = 'abcdefghijklmnopqrstuvwxyz012345';
const PARAMS = {
  ipqs_api_key: 'secret-ipqs-key-value',
  indicators: ['8.8.8.8'],
  tc_kvstore_port: 6379,
  ip_fast: true,
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'param-file-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** tcex's writer, re-done here with node crypto directly so the test does not trust the module under test. */
function tcexEncrypt(plaintext: string, key: string): Buffer {
  const algorithm = `aes-${key.length * 8}-cbc`;
  const cipher = createCipheriv(algorithm, Buffer.from(key, 'utf8'), Buffer.alloc(16, 0));
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
}

function errorOf(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('readParamFile', () => {
  it.each([
    ['16', KEY_16],
    ['24', KEY_24],
    ['32', KEY_32],
  ])('round-trips params written with a %s-character key', (_size, key) => {
    const file = path.join(dir, 'params.bin');
    writeParamFile(file, PARAMS, key);
    expect(readParamFile(file, key)).toEqual(PARAMS);
  });

  it.each([KEY_16, KEY_24, KEY_32])('reads a file encrypted the way tcex encrypts it (key %s)', (key) => {
    const file = path.join(dir, 'tcex.bin');
    // tcex's test writer dumps with sort_keys=True and Python's separators
    writeFileSync(
      file,
      tcexEncrypt('{"indicators": "1.1.1.1", "tc_verify": false, "name": "caf\u00e9"}', key),
    );
    expect(readParamFile(file, key)).toEqual({ indicators: '1.1.1.1', tc_verify: false, name: 'café' });
  });

  it('writes ciphertext that an independent AES-CBC zero-IV implementation produces byte for byte', () => {
    expect(encryptParams(PARAMS, KEY_16).equals(tcexEncrypt(JSON.stringify(PARAMS), KEY_16))).toBe(true);
  });

  it('deletes the file after a successful read', () => {
    const file = path.join(dir, 'params.bin');
    writeParamFile(file, PARAMS, KEY_16);
    readParamFile(file, KEY_16);
    expect(existsSync(file)).toBe(false);
  });

  it('reports a file it could not delete and still returns the params', () => {
    const file = path.join(dir, 'params.bin');
    writeParamFile(file, PARAMS, KEY_16);
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const unlink = jest.spyOn(fs, 'unlinkSync').mockImplementation(() => {
      throw denied;
    });
    const reasons: string[] = [];
    try {
      expect(readParamFile(file, KEY_16, { onDeleteError: (reason) => reasons.push(reason) })).toEqual(
        PARAMS,
      );
      expect(unlink).toHaveBeenCalledWith(file);
    } finally {
      unlink.mockRestore();
    }
    expect(reasons).toEqual([`TC_APP_PARAM_FILE ${file}: could not be deleted after reading (EACCES)`]);
  });

  it.each([
    [
      'wrong key',
      () => tcexEncrypt(JSON.stringify(PARAMS), 'ponmlkjihgfedcba'),
      'could not be decrypted with TC_APP_PARAM_KEY (wrong key or corrupt file)',
    ],
    [
      'truncated ciphertext',
      () => tcexEncrypt(JSON.stringify(PARAMS), KEY_16).subarray(0, 20),
      'could not be decrypted with TC_APP_PARAM_KEY (wrong key or corrupt file)',
    ],
    [
      'plain JSON instead of ciphertext',
      () => Buffer.from('{"a": 1}             ', 'utf8').subarray(0, 16),
      'could not be decrypted with TC_APP_PARAM_KEY (wrong key or corrupt file)',
    ],
    ['a JSON list', () => tcexEncrypt('["a", "b"]', KEY_16), 'decrypted content is not a JSON object'],
    ['a JSON string', () => tcexEncrypt('"just text"', KEY_16), 'decrypted content is not a JSON object'],
    ['JSON null', () => tcexEncrypt('null', KEY_16), 'decrypted content is not a JSON object'],
    [
      'text that is not JSON',
      () => tcexEncrypt('ipqs_api_key=secret-ipqs-key-value', KEY_16),
      'decrypted content is not valid JSON',
    ],
    ['an empty file', () => Buffer.alloc(0), 'is empty'],
  ])(
    'rejects %s with a one-line ParamFileError that holds neither key nor content',
    (_case, content, reason) => {
      const file = path.join(dir, 'bad.bin');
      writeFileSync(file, content());
      const error = errorOf(() => readParamFile(file, KEY_16));
      expect(error).toBeInstanceOf(ParamFileError);
      expect(error.message).toBe(`TC_APP_PARAM_FILE ${file}: ${reason}`);
      expect(error.message).not.toContain(KEY_16);
      expect(error.message).not.toContain('secret-ipqs-key-value');
      expect(existsSync(file)).toBe(true);
    },
  );

  it.each([
    ['abcdefghij', 10],
    ['', 0],
    ['abcdefghijklmnopq', 17],
    ['abcdefghijklmno\u00e9', 17],
  ])('rejects key %j: it must be 16, 24 or 32 bytes (got %i)', (key, length) => {
    const file = path.join(dir, 'params.bin');
    writeParamFile(file, PARAMS, KEY_16);
    const error = errorOf(() => readParamFile(file, key));
    expect(error).toBeInstanceOf(ParamFileError);
    expect(error.message).toBe(`TC_APP_PARAM_KEY: must be 16, 24 or 32 characters (got ${length})`);
    expect(existsSync(file)).toBe(true);
  });

  it('names a missing file', () => {
    const file = path.join(dir, 'missing.bin');
    const error = errorOf(() => readParamFile(file, KEY_16));
    expect(error).toBeInstanceOf(ParamFileError);
    expect(error.message).toBe(`TC_APP_PARAM_FILE ${file}: not found`);
  });

  it('names a path that cannot be read as a file', () => {
    const error = errorOf(() => readParamFile(dir, KEY_16));
    expect(error).toBeInstanceOf(ParamFileError);
    expect(error.message).toBe(`TC_APP_PARAM_FILE ${dir}: could not be read (EISDIR)`);
  });
});

describe('encryptParams', () => {
  it('refuses a key of the wrong length', () => {
    const error = errorOf(() => encryptParams(PARAMS, 'short'));
    expect(error).toBeInstanceOf(ParamFileError);
    expect(error.message).toBe('TC_APP_PARAM_KEY: must be 16, 24 or 32 characters (got 5)');
  });
});
