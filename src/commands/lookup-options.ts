/**
 * The options of `ipqs-tc lookup`, checked before anything is read or sent: the output format, the
 * indicator type, `--fail-on`, `--extra` rows, and every app param through the app's own `parseAppParams`,
 * so the command accepts exactly the values and ranges the playbook app does. Every problem is reported,
 * one line each, under the option's name.
 */
import { InputValidationError } from '../errors';
import { parseAppParams } from '../tc/params';
import type { AppParams, IndicatorTypeChoice } from '../tc/params';
import { oneOf } from '../tc/params/fields';
import { showValue } from '../tc/params/values';
import { VERDICT_NAMES } from '../verdicts';
import type { VerdictName } from '../verdicts';
import { parseVerdictName } from './lookup-exit';
import { flagOfParam, paramOptions } from './lookup-param-options';
import { LookupUsageError } from './lookup-usage-error';

/** `--type` values and the indicator_type choice each one stands for. */
export const TYPE_CHOICES = {
  auto: 'Auto-Detect',
  ip: 'IP Address',
  email: 'Email Address',
  url: 'URL',
  domain: 'Domain',
  phone: 'Phone Number',
} as const satisfies Record<string, IndicatorTypeChoice>;

export const LOOKUP_FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type LookupFormat = (typeof LOOKUP_FORMATS)[number];

export const ARGV_KEY_MESSAGE =
  'the IPQS key is not taken from the command line (shell history and ps keep it): set IPQS_API_KEY or pass --key-file PATH';

/** What commander hands the action: strings as typed, flags as booleans, `--extra` as a list. */
export interface LookupOptions {
  readonly type?: string;
  readonly format?: string;
  readonly file?: string;
  readonly keyFile?: string;
  readonly failOn?: string;
  readonly extra?: readonly string[];
  readonly baseUrl?: string;
  readonly simulate?: boolean;
  readonly verbose?: boolean;
  /** Hidden options that exist only to refuse a key given on the command line. */
  readonly key?: string;
  readonly apiKey?: string;
  /** The app param options, under their commander attribute names (ipStrictness, ipFast, ...). */
  readonly [attribute: string]: unknown;
}

export interface LookupSettings {
  readonly format: LookupFormat;
  readonly failOn: VerdictName | undefined;
  readonly verbose: boolean;
  /** The app params the options set (key and indicators excepted), as raw values for `parseAppParams`. */
  readonly params: Readonly<Record<string, unknown>>;
}

interface Collected {
  readonly problems: string[];
  readonly params: Record<string, unknown>;
}

function checkChoice<C extends string>(flag: string, choices: readonly C[], value: string): C | Error {
  const checked = oneOf(choices)(value.trim());
  return checked.ok ? checked.value : new Error(`${flag}: ${checked.reason}`);
}

function extraRows(values: readonly string[], problems: string[]): { key: string; value: string }[] {
  const rows: { key: string; value: string }[] = [];
  for (const text of values) {
    const at = text.indexOf('=');
    const key = at < 0 ? '' : text.slice(0, at).trim();
    if (key === '') problems.push(`--extra: must be KEY=VALUE (got ${showValue(text)})`);
    else if (key.toLowerCase() === 'key') problems.push(`--extra: ${ARGV_KEY_MESSAGE}`);
    else rows.push({ key, value: text.slice(at + 1) });
  }
  return rows;
}

function collect(options: LookupOptions, env: NodeJS.ProcessEnv): Collected {
  const problems: string[] = [];
  if (options.key !== undefined || options.apiKey !== undefined) problems.push(ARGV_KEY_MESSAGE);
  const params: Record<string, unknown> = { fail_on_error: true, cache_ttl_minutes: 0 };
  for (const { option, param } of paramOptions()) {
    const value = options[option.attributeName()];
    if (value !== undefined) params[param] = value;
  }
  const type = checkChoice(
    '--type',
    Object.keys(TYPE_CHOICES) as (keyof typeof TYPE_CHOICES)[],
    options.type ?? 'auto',
  );
  if (type instanceof Error) problems.push(type.message);
  else params.indicator_type = TYPE_CHOICES[type];
  params.extra_params = extraRows(options.extra ?? [], problems);
  // with --simulate the base URL is the simulator's; otherwise --base-url, then IPQS_BASE_URL, then IPQS's
  if (!options.simulate) params.ipqs_base_url = options.baseUrl ?? env.IPQS_BASE_URL;
  return { problems, params };
}

function optionName(param: string, options: LookupOptions): string {
  if (param === 'indicator_type') return '--type';
  if (param === 'extra_params') return '--extra';
  if (param === 'ipqs_base_url') return options.baseUrl === undefined ? 'IPQS_BASE_URL' : '--base-url';
  return flagOfParam(param) ?? param;
}

/** The checked settings; throws LookupUsageError listing every bad option. */
export function checkLookupOptions(options: LookupOptions, env: NodeJS.ProcessEnv): LookupSettings {
  const { problems, params } = collect(options, env);
  const format = checkChoice('--format', LOOKUP_FORMATS, options.format ?? 'table');
  if (format instanceof Error) problems.push(format.message);
  const failOn = options.failOn === undefined ? undefined : parseVerdictName(options.failOn);
  if (options.failOn !== undefined && failOn === undefined) {
    problems.push(`--fail-on: must be one of ${VERDICT_NAMES.join(', ')} (got ${showValue(options.failOn)})`);
  }
  try {
    // the key and the indicators are checked where they are read; stand-ins let the schema check the rest
    parseAppParams({ ...params, ipqs_api_key: 'stand-in', indicators: 'stand-in' });
  } catch (error) {
    if (!(error instanceof InputValidationError)) throw error;
    problems.push(...error.issues.map((issue) => `${optionName(issue.name, options)}: ${issue.reason}`));
  }
  if (problems.length > 0 || format instanceof Error) throw new LookupUsageError(problems);
  return { format, failOn, verbose: options.verbose === true, params };
}

/** The app params of the run: the checked options with the key and the indicators. */
export function lookupAppParams(
  settings: LookupSettings,
  apiKey: string,
  indicators: readonly string[],
): AppParams {
  return parseAppParams({ ...settings.params, ipqs_api_key: apiKey, indicators });
}
