/**
 * The parts of install.json the runtime reads: the param spec (for coercion and secret registration) and
 * the app's identity for the start-up banner. Bundled into dist/ at build time.
 */
import installJson from '../../install.json';
import type { InstallParamSpec } from '../tc/params';

export const APP_NAME = installJson.displayName;
export const APP_VERSION = installJson.programVersion;
export const APP_ID = installJson.appId;
export const APP_FEATURES: readonly string[] = installJson.features;
export const APP_RUNTIME_LEVEL = installJson.runtimeLevel;
export const APP_MIN_SERVER_VERSION = installJson.minServerVersion;
export const LIST_DELIMITER = installJson.listDelimiter;

export const PARAM_SPEC: readonly InstallParamSpec[] = installJson.params;

/** Names of the params install.json marks `encrypt: true` (the IPQS key). */
export const ENCRYPTED_PARAMS: readonly string[] = installJson.params
  .filter((param) => 'encrypt' in param && param.encrypt === true)
  .map((param) => param.name);
