import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ParamFileError } from '../../../src/errors';
import { loadLocalConfig } from '../../../src/tc/params/local-config';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'local-config-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function configFile(content: unknown): string {
  const file = path.join(dir, 'app_inputs.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function errorOf(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('loadLocalConfig', () => {
  it('reads the tcex run format and drops trigger_inputs', () => {
    const file = configFile({
      stage: { kvstore: { '#App:1:ips!StringArray': ['8.8.8.8', '1.1.1.1'] } },
      inputs: { indicators: '#App:1:ips!StringArray', ip_strictness: '1' },
      trigger_inputs: [],
    });
    expect(loadLocalConfig(file, {})).toEqual({
      stage: { kvstore: { '#App:1:ips!StringArray': ['8.8.8.8', '1.1.1.1'] } },
      inputs: { indicators: '#App:1:ips!StringArray', ip_strictness: '1' },
    });
  });

  it('defaults a missing stage to an empty kvstore', () => {
    expect(loadLocalConfig(configFile({ inputs: {} }), {})).toEqual({ stage: { kvstore: {} }, inputs: {} });
  });

  it('substitutes ${env.NAME} in strings at any depth, whole or embedded', () => {
    const file = configFile({
      stage: { kvstore: { '#App:1:ua!String': 'agent-${env.UA}' } },
      inputs: {
        ipqs_api_key: '${env.IPQS_API_KEY}',
        extra_params: [{ key: 'k', value: '${env.UA}/${env.UA}' }],
        ip_fast: true,
      },
    });
    const env = { IPQS_API_KEY: 'key-from-env', UA: 'x' };
    expect(loadLocalConfig(file, env)).toEqual({
      stage: { kvstore: { '#App:1:ua!String': 'agent-x' } },
      inputs: { ipqs_api_key: 'key-from-env', extra_params: [{ key: 'k', value: 'x/x' }], ip_fast: true },
    });
  });

  it('names every unset environment variable, once each', () => {
    const file = configFile({
      inputs: { a: '${env.MISSING_B}', b: '${env.MISSING_A} ${env.MISSING_B}', c: '${env.SET}' },
    });
    const error = errorOf(() => loadLocalConfig(file, { SET: 'yes' }));
    expect(error).toBeInstanceOf(ParamFileError);
    expect(error.message).toBe(
      `${file}: environment variables not set: MISSING_A, MISSING_B (used as \${env.NAME})`,
    );
  });

  it('names a missing file', () => {
    const file = path.join(dir, 'nope.json');
    const error = errorOf(() => loadLocalConfig(file, {}));
    expect(error).toBeInstanceOf(ParamFileError);
    expect(error.message).toBe(`${file}: not found`);
  });

  it.each([
    ['a missing comma', '{"inputs": {"ipqs_api_key": "abc" "x": 1}}', ' at line 1 column 35'],
    ['an unquoted value on the second line', '{"inputs":\n {"ipqs_api_key": supersecretvalue}}', ''],
  ])('rejects %s as invalid JSON without quoting the file', (_case, text, where) => {
    const file = configFile(text);
    const error = errorOf(() => loadLocalConfig(file, {}));
    expect(error).toBeInstanceOf(ParamFileError);
    expect(error.message).toBe(`${file}: invalid JSON${where}`);
  });

  it.each([
    [[], 'the file must hold a JSON object'],
    [{}, 'inputs must be a JSON object'],
    [{ inputs: [] }, 'inputs must be a JSON object'],
    [{ inputs: {}, stage: 'x' }, 'stage must be a JSON object'],
    [{ inputs: {}, stage: { kvstore: [] } }, 'stage.kvstore must be a JSON object'],
    [{ inputs: {}, trigger_inputs: {} }, 'trigger_inputs must be a list'],
    [
      { inputs: {}, stage: { kvstore: { plain_key: 'v' } } },
      'stage.kvstore key "plain_key" is not a playbook variable (#App:<id>:<name>!<Type>)',
    ],
    [{ inputs: 1, stage: 2 }, 'stage must be a JSON object; inputs must be a JSON object'],
  ])('rejects %j: %s', (content, reason) => {
    const file = configFile(content);
    const error = errorOf(() => loadLocalConfig(file, {}));
    expect(error).toBeInstanceOf(ParamFileError);
    expect(error.message).toBe(`${file}: ${reason}`);
  });
});
