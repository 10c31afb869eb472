/**
 * The IPQS query parameters of each lookup, built from the app params: booleans as "true"/"false",
 * integers in decimal, the phone countries as a repeated `country[]`, then the `extra_params` rows.
 * The value itself (`ip=...`) and the key (a header) are added by the client, never here.
 */
import type { AppParams } from '../tc/params';
import type { LookupType } from './fields';

/** Query parameters: a list value is sent as the key repeated once per item. */
export type LookupParams = Record<string, string | string[]>;

/** The app params the request parameters are built from. */
export type LookupAppParams = Pick<
  AppParams,
  | 'ip_strictness'
  | 'user_agent'
  | 'user_language'
  | 'ip_fast'
  | 'mobile'
  | 'allow_public_access_points'
  | 'lighter_penalties'
  | 'transaction_strictness'
  | 'email_strictness'
  | 'abuse_strictness'
  | 'email_fast'
  | 'email_timeout'
  | 'suggest_domain'
  | 'url_strictness'
  | 'url_fast'
  | 'url_timeout'
  | 'phone_strictness'
  | 'phone_countries'
  | 'enhanced_line_check'
  | 'enhanced_name_check'
  | 'extra_params'
>;

/** An `extra_params` row that was not sent, and why. */
export interface IgnoredParam {
  readonly key: string;
  readonly reason: string;
}

const bool = (value: boolean): string => (value ? 'true' : 'false');
const int = (value: number): string => String(Math.trunc(value));

function ownParams(lookup: LookupType, app: LookupAppParams): LookupParams {
  switch (lookup) {
    case 'ip':
      return {
        strictness: int(app.ip_strictness),
        ...(app.user_agent !== undefined && { user_agent: app.user_agent }),
        ...(app.user_language !== undefined && { user_language: app.user_language }),
        fast: bool(app.ip_fast),
        mobile: bool(app.mobile),
        allow_public_access_points: bool(app.allow_public_access_points),
        lighter_penalties: bool(app.lighter_penalties),
        transaction_strictness: int(app.transaction_strictness),
      };
    case 'email':
      return {
        strictness: int(app.email_strictness),
        abuse_strictness: int(app.abuse_strictness),
        fast: bool(app.email_fast),
        timeout: int(app.email_timeout),
        suggest_domain: bool(app.suggest_domain),
      };
    case 'url':
      return { strictness: int(app.url_strictness), fast: bool(app.url_fast), timeout: int(app.url_timeout) };
    case 'phone':
      return {
        strictness: int(app.phone_strictness),
        // IPQS documents the list form `country[]=US&country[]=CA` (PHP-style brackets)
        ...(app.phone_countries.length > 0 && { 'country[]': [...app.phone_countries] }),
        enhanced_line_check: bool(app.enhanced_line_check),
        enhanced_name_check: bool(app.enhanced_name_check),
      };
  }
}

/** Why an extra row may not be sent, or undefined when it may. */
function forbidden(lookup: LookupType, key: string): string | undefined {
  const name = key.toLowerCase();
  if (name === 'key') return 'the API key is sent in the IPQS-KEY header, never as a parameter';
  if (name === lookup || name === `${lookup}[]`)
    return `the ${lookup} value is the indicator being looked up`;
  return undefined;
}

/**
 * The lookup's parameters and the extra rows left out. Extra rows override the app params of the same
 * name (rows with one key are sent as a list); rows naming `key` or the lookup's value param are ignored.
 */
export function buildLookupParams(
  lookup: LookupType,
  app: LookupAppParams,
): { params: LookupParams; ignored: IgnoredParam[] } {
  const params = ownParams(lookup, app);
  const ignored: IgnoredParam[] = [];
  const extra = new Map<string, string[]>();
  for (const { key, value } of app.extra_params) {
    const reason = forbidden(lookup, key);
    if (reason !== undefined) {
      ignored.push({ key, reason });
      continue;
    }
    extra.set(key, [...(extra.get(key) ?? []), value]);
  }
  for (const [key, values] of extra) {
    params[key] = values.length === 1 && !key.endsWith('[]') ? (values[0] ?? '') : values;
  }
  return { params, ignored };
}

/** The query parameters of one lookup (see buildLookupParams; ignored extra rows are dropped). */
export function lookupParams(lookup: LookupType, app: LookupAppParams): LookupParams {
  return buildLookupParams(lookup, app).params;
}

/**
 * How long IPQS itself may spend on the lookup (`timeout` of email and URL, an extra row included), so
 * the client waits longer than that; undefined for lookups without a server-side timeout.
 */
export function serverTimeoutSeconds(lookup: LookupType, app: LookupAppParams): number | undefined {
  if (lookup !== 'email' && lookup !== 'url') return undefined;
  const sent = buildLookupParams(lookup, app).params.timeout;
  const seconds = typeof sent === 'string' ? Number(sent) : Number.NaN;
  if (Number.isFinite(seconds) && seconds > 0) return seconds;
  return lookup === 'email' ? app.email_timeout : app.url_timeout;
}
