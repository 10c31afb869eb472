/** How params reach the app: sources (param file, legacy args, local file), names, coercion, validation. */
export { normalizeParamNames, PARAM_ALIASES } from './aliases';
export {
  APP_PARAM_DEFAULTS,
  INDICATOR_TYPE_CHOICES,
  parseAppParams,
  type AppParams,
  type IndicatorTypeChoice,
} from './app-params';
export type { ExtraParam, IndicatorsInput, TcEntity } from './app-param-fields';
export { coerceParams, isBooleanParam, isListParam, type InstallParamSpec } from './coerce';
export { parseLegacyArgs } from './legacy-args';
export { loadLocalConfig, type LocalConfig } from './local-config';
export { loadRawParams, type LoadRawParamsOptions, type RawParams } from './load-params';
export { encryptParams, readParamFile, writeParamFile, type ReadParamFileOptions } from './param-file';
export { KVSTORE_TYPES, LOG_LEVELS, parseTcParams, type KvStoreType, type TcParams } from './tc-params';
export { isPlaybookVariable, isTcVariable, isVariableReference } from './variable-syntax';
