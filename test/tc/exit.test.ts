import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError, InputValidationError, KvStoreError } from '../../src/errors';
import { SecretRegistry } from '../../src/logging/secrets';
import { ExitCode, exitMessageFor, writeMessageTc } from '../../src/tc/exit';

let dir: string;
let cwd: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'exit-'));
  cwd = path.join(dir, 'cwd');
  mkdirSync(cwd);
  // the fallback writes to the working directory; point it at a directory of this test
  jest.spyOn(process, 'cwd').mockReturnValue(cwd);
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const noSecrets = (): SecretRegistry => new SecretRegistry();

/** A path whose parent is a regular file, so mkdir fails even for root. */
function unwritablePath(): string {
  const file = path.join(dir, 'regular-file');
  writeFileSync(file, '');
  return path.join(file, 'out');
}

describe('ExitCode', () => {
  it('has only the two codes a playbook app uses', () => {
    expect({ success: ExitCode.Success, failure: ExitCode.Failure }).toEqual({ success: 0, failure: 1 });
  });
});

describe('writeMessageTc', () => {
  it('writes <outPath>/message.tc with a newline appended and returns its path', () => {
    const out = path.join(dir, 'out');
    const written = writeMessageTc(out, 'Success', noSecrets());
    expect(written).toBe(path.join(out, 'message.tc'));
    expect(readFileSync(written, 'utf8')).toBe('Success\n');
  });

  it('keeps a trailing newline that is already there', () => {
    const written = writeMessageTc(dir, 'Done\n', noSecrets());
    expect(readFileSync(written, 'utf8')).toBe('Done\n');
  });

  it('overwrites an earlier message', () => {
    writeMessageTc(dir, 'first and longer message', noSecrets());
    const written = writeMessageTc(dir, 'second', noSecrets());
    expect(readFileSync(written, 'utf8')).toBe('second\n');
  });

  it.each([
    ['a message of 254 characters is kept whole with its newline', 254, 255],
    ['a message of 255 characters loses its first character', 255, 255],
    ['a long message keeps only its last 255 characters', 1000, 255],
  ])('%s', (_case, length, expectedLength) => {
    const message = Array.from({ length }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
    const text = readFileSync(writeMessageTc(dir, message, noSecrets()), 'utf8');
    expect(text).toHaveLength(expectedLength);
    expect(text).toBe(`${message}\n`.slice(-255));
  });

  it('counts characters, not UTF-16 units, and never splits one', () => {
    const message = `${'😀'.repeat(300)}`;
    const text = readFileSync(writeMessageTc(dir, message, noSecrets()), 'utf8');
    expect(Array.from(text)).toHaveLength(255);
    expect(text).toBe(`${'😀'.repeat(254)}\n`);
  });

  it('creates a missing outPath directory', () => {
    const out = path.join(dir, 'a', 'b');
    expect(writeMessageTc(out, 'ok', noSecrets())).toBe(path.join(out, 'message.tc'));
  });

  it.each([
    ['outPath is not set', undefined],
    ['outPath is empty', ''],
    ['outPath cannot be created', 'UNWRITABLE'],
  ])('falls back to ./message.tc in the working directory when %s', (_case, outPath) => {
    const target = outPath === 'UNWRITABLE' ? unwritablePath() : outPath;
    const written = writeMessageTc(target, 'Fallback', noSecrets());
    expect(written).toBe(path.join(cwd, 'message.tc'));
    expect(readFileSync(written, 'utf8')).toBe('Fallback\n');
  });

  it('throws AppError when neither outPath nor the working directory can be written', () => {
    const out = unwritablePath();
    jest.spyOn(process, 'cwd').mockReturnValue(path.join(dir, 'regular-file', 'cwd'));
    expect(() => writeMessageTc(out, 'lost', noSecrets())).toThrow(AppError);
    expect(() => writeMessageTc(out, 'lost', noSecrets())).toThrow(
      /^message\.tc could not be written to tc_out_path \(.*regular-file\/out\) or the working directory: /,
    );
  });

  it('masks registered secrets', () => {
    const secrets = new SecretRegistry();
    secrets.add('abcdefgh1234');
    const text = readFileSync(writeMessageTc(dir, 'IPQS key abcdefgh1234 was rejected', secrets), 'utf8');
    expect(text).toBe('IPQS key *** was rejected\n');
  });

  it('masks before cutting, so no tail of a secret survives the cut', () => {
    const secrets = new SecretRegistry();
    secrets.add('abcdefgh1234');
    const message = `abcdefgh1234${'y'.repeat(250)}`;
    const text = readFileSync(writeMessageTc(dir, message, secrets), 'utf8');
    expect(text).toBe(`***${'y'.repeat(250)}\n`);
  });
});

describe('exitMessageFor', () => {
  it.each([
    [
      'an AppError gives its own message',
      new AppError('indicator: 1.2.3 is not an IP address'),
      'indicator: 1.2.3 is not an IP address',
    ],
    [
      'a subclass gives its own message',
      new KvStoreError('Redis localhost:6379: connection refused'),
      'Redis localhost:6379: connection refused',
    ],
    [
      'an InputValidationError keeps its lines',
      new InputValidationError([
        { name: 'indicator', reason: 'is required' },
        { name: 'api_key', reason: 'is required' },
      ]),
      'Input validation errors\nindicator: is required\napi_key: is required',
    ],
    [
      'any other Error is generic, on one line',
      new TypeError('cannot read x\n  of undefined'),
      'Generic Error. See logs for more details (cannot read x of undefined)',
    ],
    ['a thrown string is generic', 'oops', 'Generic Error. See logs for more details (oops)'],
    [
      'an Error without a message names its class',
      new RangeError(''),
      'Generic Error. See logs for more details (RangeError)',
    ],
  ])('%s', (_case, error, expected) => {
    expect(exitMessageFor(error)).toBe(expected);
  });

  it('never includes a stack trace', () => {
    const error = new Error('boom');
    expect(error.stack).toContain('\n    at ');
    expect(exitMessageFor(error)).not.toContain(' at ');
  });
});
