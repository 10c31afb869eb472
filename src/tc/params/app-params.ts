/**
 * The IPQS app's own params (the app params table), validated once after variables were resolved.
 * Values may still be strings ("true", "7"), so every field coerces; blank means missing and takes the
 * default. All problems are reported together, and the API key is never shown.
 */
import { z } from 'zod';
import { InputValidationError } from '../../errors';
import type { InputIssue } from '../../errors';
import { countryCodes, indicatorsValue, keyValueRows, type ExtraParam } from './app-param-fields';
import {
  booleanValue,
  httpUrl,
  integerIn,
  issuesByParam,
  numberIn,
  oneOf,
  optional,
  required,
  secretValue,
  stringValue,
  withDefault,
} from './fields';
import { isPlaybookVariable } from './variable-syntax';

/** The validValues of the indicator_type Choice, in install.json order. */
export const INDICATOR_TYPE_CHOICES = [
  'Auto-Detect',
  'IP Address',
  'Email Address',
  'URL',
  'Domain',
  'Phone Number',
] as const;
export type IndicatorTypeChoice = (typeof INDICATOR_TYPE_CHOICES)[number];

/** The default of every app param that has one (install.json writes these as its `default`s). */
export const APP_PARAM_DEFAULTS = {
  indicator_type: 'Auto-Detect' as IndicatorTypeChoice,
  ip_strictness: 0,
  ip_fast: false,
  mobile: false,
  allow_public_access_points: false,
  lighter_penalties: false,
  transaction_strictness: 0,
  email_strictness: 0,
  abuse_strictness: 0,
  email_fast: false,
  suggest_domain: false,
  email_timeout: 7,
  url_strictness: 0,
  url_fast: false,
  url_timeout: 2,
  phone_strictness: 0,
  phone_countries: Object.freeze([]) as readonly string[],
  enhanced_line_check: false,
  enhanced_name_check: false,
  extra_params: Object.freeze([]) as readonly ExtraParam[],
  fail_on_error: true,
  include_personal_data: false,
  max_requests_per_second: 0,
  max_concurrency: 8,
  cache_ttl_minutes: 60,
  max_retries: 3,
  request_timeout_seconds: 20,
  ipqs_base_url: 'https://ipqualityscore.com/api/json',
} as const;

const D = APP_PARAM_DEFAULTS;
const flag = (fallback: boolean) => withDefault(booleanValue, fallback);

const appParamsSchema = z.object({
  ipqs_api_key: required(secretValue),
  indicators: required(indicatorsValue),
  indicator_type: withDefault(oneOf(INDICATOR_TYPE_CHOICES), D.indicator_type),
  ip_strictness: withDefault(integerIn(0, 3), D.ip_strictness),
  user_agent: optional(stringValue),
  user_language: optional(stringValue),
  ip_fast: flag(D.ip_fast),
  mobile: flag(D.mobile),
  allow_public_access_points: flag(D.allow_public_access_points),
  lighter_penalties: flag(D.lighter_penalties),
  transaction_strictness: withDefault(integerIn(0, 2), D.transaction_strictness),
  email_strictness: withDefault(integerIn(0, 2), D.email_strictness),
  abuse_strictness: withDefault(integerIn(0, 2), D.abuse_strictness),
  email_fast: flag(D.email_fast),
  suggest_domain: flag(D.suggest_domain),
  email_timeout: withDefault(integerIn(1, 60), D.email_timeout),
  url_strictness: withDefault(integerIn(0, 2), D.url_strictness),
  url_fast: flag(D.url_fast),
  url_timeout: withDefault(integerIn(1, 10), D.url_timeout),
  phone_strictness: withDefault(integerIn(0, 2), D.phone_strictness),
  phone_countries: withDefault(countryCodes, D.phone_countries),
  enhanced_line_check: flag(D.enhanced_line_check),
  enhanced_name_check: flag(D.enhanced_name_check),
  extra_params: withDefault(keyValueRows, D.extra_params),
  fail_on_error: flag(D.fail_on_error),
  include_personal_data: flag(D.include_personal_data),
  max_requests_per_second: withDefault(numberIn(0), D.max_requests_per_second),
  max_concurrency: withDefault(integerIn(1, 64), D.max_concurrency),
  cache_ttl_minutes: withDefault(integerIn(0), D.cache_ttl_minutes),
  max_retries: withDefault(integerIn(0, 10), D.max_retries),
  request_timeout_seconds: withDefault(numberIn(1, 300), D.request_timeout_seconds),
  ipqs_base_url: withDefault(httpUrl, D.ipqs_base_url),
});

/** The validated app params; field names are the param names. */
export type AppParams = z.output<typeof appParamsSchema>;

/**
 * The reason of a param whose value was read from the playbook variable `variable`: a missing value says
 * the variable had none, any other reason says where the bad value came from.
 */
function withVariable(issue: InputIssue, variable: string, value: unknown): InputIssue {
  const reason =
    value === null || value === undefined
      ? `${issue.reason}, but ${variable} has no value`
      : `${issue.reason}, read from ${variable}`;
  return { name: issue.name, reason };
}

/**
 * Validates the resolved app params and fills the defaults. Throws InputValidationError with one issue
 * per bad param, all of them together. Keys that are not app params (tc_* and others) are ignored.
 * `sources`, the params before their variables were resolved, lets a reason name the playbook variable
 * a bad or missing value came from.
 */
export function parseAppParams(
  resolved: Readonly<Record<string, unknown>>,
  sources: Readonly<Record<string, unknown>> = {},
): AppParams {
  const result = appParamsSchema.safeParse(resolved);
  if (!result.success) {
    const issues = issuesByParam(result.error).map((issue) => {
      const source = sources[issue.name];
      return isPlaybookVariable(source) ? withVariable(issue, source.trim(), resolved[issue.name]) : issue;
    });
    throw new InputValidationError(issues);
  }
  return result.data;
}
