/**
 * Zod schemas of the four IPQS answers, with every field of `ipqs-api-and-peers.md` §1.1-§1.4. They are
 * loose: fields IPQS adds later are kept, fields it drops may be missing; only the score is required.
 * `parseIpqsResponse` is the one edge where an IPQS body becomes a typed value.
 */
import { z } from 'zod';
import { classifyFailure, IpqsResponseError } from './errors';
import type { LookupType } from './fields';
import {
  anyJson,
  associatedEmails,
  associatedNames,
  associatedPhoneNumbers,
  code,
  count,
  dateInfo,
  envelope,
  flag,
  identityData,
  list,
  numberRecycling,
  score,
  text,
} from './schema-values';

const dnsHygiene = { risky_tld: flag, spf_record: flag, dmarc_record: flag };

/** Proxy & VPN detection (`/ip`). */
const ipResponseSchema = () =>
  z.looseObject({
    ...envelope,
    fraud_score: score,
    country_code: text,
    region: text,
    city: text,
    zip_code: code,
    ISP: text,
    ASN: count,
    // IPQS spells it both ways; parseIpqsResponse copies `Organization` here and keeps the original too
    organization: text,
    Organization: text,
    is_crawler: flag,
    timezone: text,
    mobile: flag,
    host: text,
    proxy: flag,
    vpn: flag,
    tor: flag,
    active_vpn: flag,
    active_tor: flag,
    recent_abuse: flag,
    bot_status: flag,
    connection_type: text,
    abuse_velocity: text,
    shared_connection: flag,
    dynamic_connection: flag,
    frequent_abuser: flag,
    high_risk_attacks: flag,
    security_scanner: flag,
    trusted_network: flag,
    abuse_events: list,
    latitude: count,
    longitude: count,
    operating_system: text,
    browser: text,
    device_brand: text,
    device_model: text,
    transaction_details: anyJson,
  });

/** Email validation (`/email`). */
const emailResponseSchema = () =>
  z.looseObject({
    ...envelope,
    fraud_score: score,
    valid: flag,
    disposable: flag,
    smtp_score: count,
    overall_score: count,
    first_name: text,
    generic: flag,
    common: flag,
    dns_valid: flag,
    honeypot: flag,
    deliverability: text,
    frequent_complainer: flag,
    // NSDK types it as a number; IPQS sends "high" / "medium" / "low" / "none"
    spam_trap_score: code,
    catch_all: flag,
    timed_out: flag,
    suspect: flag,
    recent_abuse: flag,
    suggested_domain: text,
    leaked: flag,
    domain_age: dateInfo,
    first_seen: dateInfo,
    domain_trust: text,
    sanitized_email: text,
    domain_velocity: text,
    user_activity: text,
    associated_names: associatedNames,
    associated_phone_numbers: associatedPhoneNumbers,
    ...dnsHygiene,
    mx_records: list,
    a_records: list,
    identity_data: identityData,
  });

/** Malicious URL scanner (`/url`, also used for domains); scored by `risk_score`, not `fraud_score`. */
const urlResponseSchema = () =>
  z.looseObject({
    ...envelope,
    risk_score: score,
    unsafe: flag,
    domain: text,
    root_domain: text,
    ip_address: text,
    country_code: text,
    language_code: text,
    // kept as sent: real answers hold banners like " gws\r\n"
    server: text,
    content_type: text,
    status_code: count,
    page_size: count,
    domain_rank: count,
    dns_valid: flag,
    parking: flag,
    spamming: flag,
    malware: flag,
    phishing: flag,
    suspicious: flag,
    adult: flag,
    category: text,
    domain_age: dateInfo,
    domain_trust: text,
    redirected: flag,
    short_link_redirect: flag,
    hosted_content: flag,
    page_title: text,
    ...dnsHygiene,
    technologies: anyJson,
    a_records: list,
    mx_records: list,
    ns_records: list,
    final_url: text,
    scanned_url: text,
  });

/** Phone validation (`/phone`). */
const phoneResponseSchema = () =>
  z.looseObject({
    ...envelope,
    fraud_score: score,
    valid: flag,
    active: flag,
    formatted: code,
    local_format: code,
    recent_abuse: flag,
    VOIP: flag,
    prepaid: flag,
    risky: flag,
    carrier: text,
    line_type: text,
    country: text,
    region: text,
    city: text,
    zip_code: code,
    timezone: text,
    dialing_code: count,
    active_status: text,
    name: text,
    do_not_call: flag,
    leaked: flag,
    spammer: flag,
    sms_domain: text,
    sms_email: text,
    associated_email_addresses: associatedEmails,
    user_activity: text,
    mnc: code,
    mcc: code,
    accurate_country_code: flag,
    tcpa_blacklist: flag,
    number_recycling: numberRecycling,
    identity_data: identityData,
  });

export type IpqsIpResponse = z.output<ReturnType<typeof ipResponseSchema>>;
export type IpqsEmailResponse = z.output<ReturnType<typeof emailResponseSchema>>;
export type IpqsUrlResponse = z.output<ReturnType<typeof urlResponseSchema>>;
export type IpqsPhoneResponse = z.output<ReturnType<typeof phoneResponseSchema>>;

/** The validated answer of each lookup. */
export interface IpqsResponseByLookup {
  ip: IpqsIpResponse;
  email: IpqsEmailResponse;
  url: IpqsUrlResponse;
  phone: IpqsPhoneResponse;
}

/** Any validated IPQS answer. */
export type IpqsResponse = IpqsResponseByLookup[LookupType];

const SCHEMA_BUILDERS = {
  ip: ipResponseSchema,
  email: emailResponseSchema,
  url: urlResponseSchema,
  phone: phoneResponseSchema,
} as const satisfies Record<LookupType, () => z.ZodType>;

type ResponseSchemaOf<L extends LookupType> = ReturnType<(typeof SCHEMA_BUILDERS)[L]>;

// Built on first use: a run of one lookup type builds one schema, not four (a part of every cold start).
const builtSchemas = new Map<LookupType, z.ZodType>();

/** The schema of one lookup's answer. */
export function responseSchema<L extends LookupType>(lookup: L): ResponseSchemaOf<L> {
  let schema = builtSchemas.get(lookup);
  if (!schema) {
    schema = SCHEMA_BUILDERS[lookup]();
    builtSchemas.set(lookup, schema);
  }
  return schema as ResponseSchemaOf<L>;
}

/** The field holding each lookup's 0-100 score. */
export const SCORE_FIELD = {
  ip: 'fraud_score',
  email: 'fraud_score',
  url: 'risk_score',
  phone: 'fraud_score',
} as const satisfies Record<LookupType, string>;

const MAX_ISSUES = 5;

/**
 * Validates a parsed IPQS body: returns it with every original field (plus `organization` copied from
 * `Organization`), throws the classified IpqsError for success:false and IpqsResponseError (with the
 * failing fields in `issues`) for a body that is not an object or has no usable score.
 */
export function parseIpqsResponse<L extends LookupType>(lookup: L, body: unknown): IpqsResponseByLookup[L] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw classifyFailure(lookup, 200, typeof body === 'string' ? body : undefined);
  }
  const record = body as Record<string, unknown>;
  if (record.success === false) throw classifyFailure(lookup, 200, record);
  const input =
    lookup === 'ip' && record.organization === undefined && record.Organization !== undefined
      ? { ...record, organization: record.Organization }
      : record;
  const result = responseSchema(lookup).safeParse(input);
  if (result.success) return result.data as IpqsResponseByLookup[L];
  const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  const shown = issues.slice(0, MAX_ISSUES).join('; ') + (issues.length > MAX_ISSUES ? '; ...' : '');
  const requestId = typeof record.request_id === 'string' ? { requestId: record.request_id } : {};
  throw new IpqsResponseError(`unexpected response (${shown})`, {
    lookup,
    status: 200,
    issues,
    ...requestId,
  });
}
