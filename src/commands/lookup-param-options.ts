/**
 * The IPQS app params as `ipqs-tc lookup` options: one table gives each option's flags, its app param
 * and its help, so registering the options, reading their values and naming them in errors never drift.
 */
import { Option } from 'commander';
import { APP_PARAM_DEFAULTS } from '../tc/params';
import type { AppParams } from '../tc/params';

type ParamName = keyof AppParams;

interface ParamOptionSpec {
  readonly flags: string;
  readonly param: ParamName;
  readonly description: string;
}

/** Every app param the command takes as an option (the key, indicators, type and extras are handled apart). */
const SPECS: readonly ParamOptionSpec[] = [
  { flags: '--ip-strictness <0-3>', param: 'ip_strictness', description: 'IP: how strict the checks are' },
  { flags: '--user-agent <text>', param: 'user_agent', description: 'IP: the user agent seen with the IP' },
  { flags: '--user-language <text>', param: 'user_language', description: 'IP: the browser language seen' },
  { flags: '--ip-fast', param: 'ip_fast', description: 'IP: skip the slower forensic checks' },
  { flags: '--mobile', param: 'mobile', description: 'IP: the device is a mobile device' },
  {
    flags: '--allow-public-access-points',
    param: 'allow_public_access_points',
    description: 'IP: do not penalize public access points (schools, libraries, cafes)',
  },
  {
    flags: '--lighter-penalties',
    param: 'lighter_penalties',
    description: 'IP: lower scores for mixed signals',
  },
  {
    flags: '--transaction-strictness <0-2>',
    param: 'transaction_strictness',
    description: 'IP: strictness of the transaction scoring',
  },
  {
    flags: '--email-strictness <0-2>',
    param: 'email_strictness',
    description: 'email: how strict the checks are',
  },
  {
    flags: '--abuse-strictness <0-2>',
    param: 'abuse_strictness',
    description: 'email: strictness of abuse checks',
  },
  { flags: '--email-fast', param: 'email_fast', description: 'email: skip the SMTP check' },
  {
    flags: '--email-timeout <1-60>',
    param: 'email_timeout',
    description: 'email: IPQS-side timeout, seconds',
  },
  {
    flags: '--suggest-domain',
    param: 'suggest_domain',
    description: 'email: suggest a fix for a misspelled domain',
  },
  {
    flags: '--url-strictness <0-2>',
    param: 'url_strictness',
    description: 'URL/domain: how strict the scan is',
  },
  { flags: '--url-fast', param: 'url_fast', description: 'URL/domain: a lighter, faster scan' },
  {
    flags: '--url-timeout <1-10>',
    param: 'url_timeout',
    description: 'URL/domain: IPQS-side timeout, seconds',
  },
  {
    flags: '--phone-strictness <0-2>',
    param: 'phone_strictness',
    description: 'phone: how strict the checks are',
  },
  {
    flags: '--phone-countries <codes>',
    param: 'phone_countries',
    description:
      'phone: likely countries, ISO-2 codes separated by commas (the first one parses local numbers)',
  },
  { flags: '--enhanced-line-check', param: 'enhanced_line_check', description: 'phone: enhanced line check' },
  { flags: '--enhanced-name-check', param: 'enhanced_name_check', description: 'phone: enhanced name check' },
  {
    flags: '--include-personal-data',
    param: 'include_personal_data',
    description: 'keep personal data fields (identity, associated names, numbers, emails) in json/ndjson',
  },
  {
    flags: '--max-concurrency <n>',
    param: 'max_concurrency',
    description: 'lookups in flight at once (1-64)',
  },
  { flags: '--max-retries <n>', param: 'max_retries', description: 'retries of a transient failure (0-10)' },
  {
    flags: '--request-timeout <seconds>',
    param: 'request_timeout_seconds',
    description: 'per-request timeout, seconds (1-300)',
  },
];

export interface ParamOption {
  readonly option: Option;
  readonly param: ParamName;
}

function withDefaultText(spec: ParamOptionSpec): string {
  const fallback = (APP_PARAM_DEFAULTS as Readonly<Record<string, unknown>>)[spec.param];
  return typeof fallback === 'number' ? `${spec.description} (default: ${fallback})` : spec.description;
}

/** A fresh commander Option per spec (an Option belongs to one command). */
export function paramOptions(): ParamOption[] {
  return SPECS.map((spec) => ({ option: new Option(spec.flags, withDefaultText(spec)), param: spec.param }));
}

/** The long flag that sets an app param (`--ip-strictness`), or undefined for params without an option. */
export function flagOfParam(param: string): string | undefined {
  return SPECS.find((spec) => spec.param === param)?.flags.split(' ')[0];
}
