/**
 * Where the raw params of a run come from: the encrypted param file when ThreatConnect sets
 * TC_APP_PARAM_FILE and TC_APP_PARAM_KEY, else legacy `--name value` args.
 */
import { ParamFileError } from '../../errors';
import { normalizeParamNames } from './aliases';
import type { InstallParamSpec } from './coerce';
import { parseLegacyArgs } from './legacy-args';
import { readParamFile, type ReadParamFileOptions } from './param-file';

/** What `loadRawParams` needs: the environment, argv after the script, and install.json's params. */
export interface LoadRawParamsOptions extends ReadParamFileOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly argv: readonly string[];
  readonly spec: readonly InstallParamSpec[];
}

/** The raw params (alias-normalized, not yet coerced) and where they came from. */
export interface RawParams {
  readonly source: 'file' | 'args';
  readonly params: Record<string, unknown>;
}

function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Loads the raw params. Throws ParamFileError when only one of the two env vars is set, when the file
 * cannot be read, or when there is no source at all.
 */
export function loadRawParams(options: LoadRawParamsOptions): RawParams {
  const file = envValue(options.env, 'TC_APP_PARAM_FILE');
  const key = envValue(options.env, 'TC_APP_PARAM_KEY');
  if (file !== undefined && key !== undefined) {
    const params = readParamFile(file, key, { onDeleteError: options.onDeleteError });
    return { source: 'file', params: normalizeParamNames(params) };
  }
  if (file !== undefined) throw new ParamFileError('TC_APP_PARAM_KEY: not set (TC_APP_PARAM_FILE is set)');
  if (key !== undefined) throw new ParamFileError('TC_APP_PARAM_FILE: not set (TC_APP_PARAM_KEY is set)');
  if (options.argv.some((token) => token.startsWith('--') && token.length > 2)) {
    return { source: 'args', params: normalizeParamNames(parseLegacyArgs(options.argv, options.spec)) };
  }
  throw new ParamFileError(
    'no params: set TC_APP_PARAM_FILE and TC_APP_PARAM_KEY (or pass --name value args)',
  );
}
