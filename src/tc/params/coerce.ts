/**
 * tcex's `contents_update` for app params: raw values are shaped by their install.json type before
 * variables are resolved. Booleans become booleans, MultiChoice and allowMultiple strings become lists,
 * blank values are missing (and take the install.json default). Variables are left for the resolver.
 */
import { isBlank, toBoolean } from './values';
import { isVariableReference } from './variable-syntax';

/** The part of an install.json `params[]` entry the runtime needs. */
export interface InstallParamSpec {
  name: string;
  type: string;
  allowMultiple?: boolean;
  default?: unknown;
  required?: boolean;
  hidden?: boolean;
  encrypt?: boolean;
}

/** True for install.json type Boolean (any case). */
export function isBooleanParam(spec: InstallParamSpec): boolean {
  return spec.type.toLowerCase() === 'boolean';
}

/** True for MultiChoice params and params with `allowMultiple`: their value is a list. */
export function isListParam(spec: InstallParamSpec): boolean {
  return spec.type.toLowerCase() === 'multichoice' || spec.allowMultiple === true;
}

function coerceValue(value: unknown, spec: InstallParamSpec, listDelimiter: string): unknown {
  if (isVariableReference(value)) return value;
  if (isBooleanParam(spec)) return toBoolean(value) ?? value;
  if (isListParam(spec) && typeof value === 'string') {
    return value
      .split(listDelimiter)
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }
  return value;
}

/**
 * The params with each one named in `spec` coerced to its install.json type; blank values are dropped
 * or replaced by the param's default, and params not in `spec` are passed through unchanged.
 * Values that do not fit (a Boolean "maybe") are kept as they are for validation to report.
 */
export function coerceParams(
  raw: Readonly<Record<string, unknown>>,
  spec: readonly InstallParamSpec[],
  listDelimiter = '|',
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...raw };
  for (const param of spec) {
    const value = raw[param.name];
    if (!isBlank(value)) {
      result[param.name] = coerceValue(value, param, listDelimiter);
    } else if (param.default !== undefined && !isBlank(param.default)) {
      result[param.name] = coerceValue(param.default, param, listDelimiter);
    } else {
      delete result[param.name];
    }
  }
  return result;
}
