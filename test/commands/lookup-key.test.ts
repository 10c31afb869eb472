import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadApiKey, NO_KEY_MESSAGE, SIMULATOR_KEY } from '../../src/commands/lookup-key';
import { LookupUsageError } from '../../src/commands/lookup-usage-error';

const ENV_KEY = 'EnvKey0123456789abcdefABCDEF';
const FILE_KEY = 'FileKey0123456789abcdefABCDEF';

function keyFile(text: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ipqs-lookup-key-')), 'ipqs.key');
  writeFileSync(file, text);
  return file;
}

describe('loadApiKey', () => {
  it.each([
    ['a bare key', FILE_KEY],
    ['a key with a trailing newline', `${FILE_KEY}\n`],
    ['a key padded with spaces, then more lines', `  ${FILE_KEY}  \r\nsecond line\n`],
  ])('reads the first line of --key-file, trimmed: %s', (_case, text) => {
    expect(loadApiKey({ keyFile: keyFile(text), env: {}, simulate: false })).toBe(FILE_KEY);
  });

  it('prefers --key-file over IPQS_API_KEY', () => {
    const env = { IPQS_API_KEY: ENV_KEY };
    expect(loadApiKey({ keyFile: keyFile(FILE_KEY), env, simulate: false })).toBe(FILE_KEY);
  });

  it('takes IPQS_API_KEY, trimmed, when there is no key file', () => {
    expect(loadApiKey({ env: { IPQS_API_KEY: ` ${ENV_KEY}\n` }, simulate: false })).toBe(ENV_KEY);
  });

  it('uses the simulator key under --simulate when there is no key', () => {
    expect(loadApiKey({ env: {}, simulate: true })).toBe(SIMULATOR_KEY);
  });

  it('still uses a given key under --simulate', () => {
    expect(loadApiKey({ env: { IPQS_API_KEY: ENV_KEY }, simulate: true })).toBe(ENV_KEY);
  });

  it.each([
    ['no variable', {}],
    ['a blank variable', { IPQS_API_KEY: '  ' }],
  ])('fails with one line naming both sources when there is %s', (_case, env) => {
    expect(() => loadApiKey({ env, simulate: false })).toThrow(new LookupUsageError([NO_KEY_MESSAGE]));
    expect(NO_KEY_MESSAGE).toMatch(/IPQS_API_KEY.*--key-file PATH.*--simulate/);
  });

  it('fails naming the file when its first line is empty, without falling back to the variable', () => {
    const file = keyFile('\nsomething\n');
    expect(() => loadApiKey({ keyFile: file, env: { IPQS_API_KEY: ENV_KEY }, simulate: false })).toThrow(
      `--key-file ${file}: the first line is empty`,
    );
  });

  it('fails naming the file and the error code when it cannot be read', () => {
    const file = path.join(os.tmpdir(), 'ipqs-lookup-no-such.key');
    expect(() => loadApiKey({ keyFile: file, env: {}, simulate: false })).toThrow(
      `--key-file ${file}: cannot read it (ENOENT)`,
    );
  });
});
