/**
 * Playbook variables (`#App:1234:ipqs.fraud_score!String`) and TC variables (`&{TC:KEYCHAIN:key}`): the
 * regexes of tcex-util's `variable.py`, plus the "Global" app type tcex 4.0.10 added.
 */

/** The standard single-value types. */
export const SINGLE_TYPES = ['Binary', 'KeyValue', 'String', 'TCEntity', 'TCEnhancedEntity'] as const;

/** The standard array types. */
export const ARRAY_TYPES = [
  'BinaryArray',
  'KeyValueArray',
  'StringArray',
  'TCEntityArray',
  'TCEnhancedEntityArray',
] as const;

/** Every standard playbook type; anything else matching the type pattern is a custom type (e.g. TCBatch). */
export const STANDARD_TYPES = [...SINGLE_TYPES, ...ARRAY_TYPES] as const;

export type StandardType = (typeof STANDARD_TYPES)[number];

/** App types a variable may name. */
export const APP_TYPES = ['App', 'Trigger', 'Global'] as const;

export type AppType = (typeof APP_TYPES)[number];

const KEY = String.raw`[A-Za-z0-9_.\-\[\]]+`;

// Array types first so `StringArray` is not read as `String`; a custom type may not start with a
// standard type name (tcex's negative lookaheads).
const TYPE =
  'StringArray|BinaryArray|KeyValueArray|TCEntityArray|TCEnhancedEntityArray' +
  '|String|Binary|KeyValue|TCEntity|TCEnhancedEntity' +
  '|(?:(?!String)(?!Binary)(?!KeyValue)(?!TCEntity)(?!TCEnhancedEntity)[A-Za-z0-9_-]+)';

/** The playbook variable pattern (unanchored source). */
export const PLAYBOOK_VARIABLE_PATTERN = `#(?<appType>${APP_TYPES.join('|')}):(?<jobId>\\d+):(?<key>${KEY})!(?<type>${TYPE})`;

const PLAYBOOK_VARIABLE_EXACT = new RegExp(`^${PLAYBOOK_VARIABLE_PATTERN}$`);

/** The TC variable pattern (unanchored source). */
export const TC_VARIABLE_PATTERN = `&\\{(?<provider>TC|Vault):(?<type>FILE|KEYCHAIN|TEXT):(?<key>${KEY})\\}`;

const TC_VARIABLE_EXACT = new RegExp(`^${TC_VARIABLE_PATTERN}$`);

/**
 * Finds playbook and TC variables embedded in a longer string (tcex `variable_expansion_pattern`). Global:
 * use it only with `matchAll`/`replace`, which do not share `lastIndex` state.
 */
export const EMBEDDED_VARIABLE_PATTERN = new RegExp(
  `(?<origin>#|&)(?:\\{)?(?<provider>${APP_TYPES.join('|')}|TC|Vault):(?<id>\\w+):(?<lookup>${KEY})(?:\\})?(?:!(?<type>${TYPE}))?`,
  'g',
);

/** A parsed playbook variable; `text` is the variable exactly as given. */
export interface PlaybookVariable {
  readonly text: string;
  readonly appType: AppType;
  readonly jobId: string;
  readonly key: string;
  readonly type: string;
}

/** A parsed TC variable (`&{TC:KEYCHAIN:key}`). */
export interface TcVariable {
  readonly text: string;
  readonly provider: 'TC' | 'Vault';
  readonly type: 'FILE' | 'KEYCHAIN' | 'TEXT';
  readonly key: string;
}

/** The variable when `text` is exactly one playbook variable, else undefined. */
export function parseVariable(text: string): PlaybookVariable | undefined {
  const groups = PLAYBOOK_VARIABLE_EXACT.exec(text)?.groups;
  if (!groups) return undefined;
  return {
    text,
    appType: groups.appType as AppType,
    jobId: groups.jobId ?? '',
    key: groups.key ?? '',
    type: groups.type ?? '',
  };
}

/** True when `value` is a string that is exactly one playbook variable. */
export function isPlaybookVariable(value: unknown): value is string {
  return typeof value === 'string' && PLAYBOOK_VARIABLE_EXACT.test(value);
}

/** `#<appType>:<jobId>:<key>!<type>`. */
export function formatVariable(parts: {
  appType?: AppType;
  jobId: string | number;
  key: string;
  type: string;
}): string {
  return `#${parts.appType ?? 'App'}:${parts.jobId}:${parts.key}!${parts.type}`;
}

/** True for the standard array types (custom types are never arrays). */
export function isArrayType(type: string): boolean {
  return (ARRAY_TYPES as readonly string[]).includes(type);
}

/** The TC variable when `text` is exactly one, else undefined. */
export function parseTcVariable(text: string): TcVariable | undefined {
  const groups = TC_VARIABLE_EXACT.exec(text)?.groups;
  if (!groups) return undefined;
  return {
    text,
    provider: groups.provider as TcVariable['provider'],
    type: groups.type as TcVariable['type'],
    key: groups.key ?? '',
  };
}

/** True when `value` is a string that is exactly one TC variable. */
export function isTcVariable(value: unknown): value is string {
  return typeof value === 'string' && TC_VARIABLE_EXACT.test(value);
}
