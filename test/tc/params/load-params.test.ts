import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ParamFileError } from '../../../src/errors';
import type { InstallParamSpec } from '../../../src/tc/params/coerce';
import { loadRawParams } from '../../../src/tc/params/load-params';
import { writeParamFile } from '../../../src/tc/params/param-file';

const KEY = 'qwertyuiopasdfgh';
const SPEC: readonly InstallParamSpec[] = [{ name: 'ip_fast', type: 'Boolean' }];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'load-params-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function errorOf(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('loadRawParams', () => {
  it('reads the encrypted param file, normalizes old names and ignores argv', () => {
    const file = path.join(dir, '.app_params.json');
    writeParamFile(file, { tc_playbook_db_context: 'ctx-9', ip_fast: 'true' }, KEY);
    const env = { TC_APP_PARAM_FILE: file, TC_APP_PARAM_KEY: KEY };
    expect(loadRawParams({ env, argv: ['--ip_fast', 'false'], spec: SPEC })).toEqual({
      source: 'file',
      params: { tc_playbook_kvstore_context: 'ctx-9', ip_fast: 'true' },
    });
    expect(existsSync(file)).toBe(false);
  });

  it('falls back to legacy args, normalizing old names', () => {
    const result = loadRawParams({ env: {}, argv: ['--ip_fast', '--logging', 'debug'], spec: SPEC });
    expect(result).toEqual({ source: 'args', params: { ip_fast: true, tc_log_level: 'debug' } });
  });

  it.each([
    [{ TC_APP_PARAM_FILE: '/x/y' }, 'TC_APP_PARAM_KEY: not set (TC_APP_PARAM_FILE is set)'],
    [
      { TC_APP_PARAM_FILE: '/x/y', TC_APP_PARAM_KEY: '' },
      'TC_APP_PARAM_KEY: not set (TC_APP_PARAM_FILE is set)',
    ],
    [{ TC_APP_PARAM_KEY: KEY }, 'TC_APP_PARAM_FILE: not set (TC_APP_PARAM_KEY is set)'],
  ])('refuses half of the param-file pair %j, naming the missing one', (env, message) => {
    const error = errorOf(() => loadRawParams({ env, argv: ['--ip_fast'], spec: SPEC }));
    expect(error).toBeInstanceOf(ParamFileError);
    expect(error.message).toBe(message);
    expect(error.message).not.toContain(KEY);
  });

  it.each([[[]], [['positional']], [['--']]])('refuses to run without any params (argv %j)', (argv) => {
    const error = errorOf(() => loadRawParams({ env: {}, argv, spec: SPEC }));
    expect(error).toBeInstanceOf(ParamFileError);
    expect(error.message).toBe(
      'no params: set TC_APP_PARAM_FILE and TC_APP_PARAM_KEY (or pass --name value args)',
    );
  });

  it('passes file errors through', () => {
    const file = path.join(dir, 'missing');
    const error = errorOf(() =>
      loadRawParams({ env: { TC_APP_PARAM_FILE: file, TC_APP_PARAM_KEY: KEY }, argv: [], spec: SPEC }),
    );
    expect(error).toBeInstanceOf(ParamFileError);
    expect(error.message).toBe(`TC_APP_PARAM_FILE ${file}: not found`);
  });
});
