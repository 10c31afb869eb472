/**
 * The catalogue of every IPQS response field per lookup type (domains use the `url` lookup). Nested
 * objects are flattened with `.`; the output table and the writers of `ipqs.<type>.<path>` read it.
 * Sources: `ipqs-api-and-peers.md` §1.1-§1.4 and the real responses in `fixtures/ipqs-real/`.
 */
export const LOOKUP_TYPES = ['ip', 'email', 'url', 'phone'] as const;

/** One IPQS endpoint: `{base}/{type}`. */
export type LookupType = (typeof LOOKUP_TYPES)[number];

/** How a field's value is written: scalars as strings, lists of strings as-is, anything else as JSON text. */
export type FieldKind = 'boolean' | 'number' | 'string' | 'list' | 'json';

export interface FieldSpec {
  /** Dotted path in the response, e.g. `domain_age.iso`. */
  readonly path: string;
  readonly kind: FieldKind;
  /** Personal data: dropped from every output unless `include_personal_data` is true. */
  readonly pii?: boolean;
  readonly note: string;
}

type Row = readonly [path: string, kind: FieldKind, note: string, pii?: 'pii'];

function specs(rows: readonly Row[]): readonly FieldSpec[] {
  return rows.map(([path, kind, note, pii]) =>
    pii ? { path, kind, note, pii: true } : { path, kind, note },
  );
}

/** `{human, timestamp, iso}` objects (email and URL `domain_age`, email `first_seen`). */
function dateRows(prefix: string, what: string): Row[] {
  return [
    [`${prefix}.human`, 'string', `${what}, human readable (e.g. "3 years ago")`],
    [`${prefix}.timestamp`, 'number', `${what}, Unix timestamp`],
    [`${prefix}.iso`, 'string', `${what}, ISO-8601`],
  ];
}

const ENVELOPE: readonly Row[] = [
  ['message', 'string', 'IPQS status message'],
  ['request_id', 'string', 'IPQS request id, for the Request List API'],
];

const DNS_HYGIENE: readonly Row[] = [
  ['risky_tld', 'boolean', 'the top-level domain is often abused'],
  ['spf_record', 'boolean', 'the domain publishes an SPF record'],
  ['dmarc_record', 'boolean', 'the domain publishes a DMARC record'],
];

const IP_FIELDS: readonly Row[] = [
  ...ENVELOPE,
  [
    'fraud_score',
    'number',
    'risk of the IP (with user agent and language) 0-100; 75+ suspicious, 85+ high risk',
  ],
  ['country_code', 'string', 'ISO-3166 alpha-2 country, or N/A'],
  ['region', 'string', 'region or state, or N/A'],
  ['city', 'string', 'city, or N/A'],
  ['zip_code', 'string', 'postal code, or N/A'],
  ['ISP', 'string', 'internet service provider, or N/A'],
  ['ASN', 'number', 'autonomous system number (absent when unknown)'],
  // IPQS sends `organization` or `Organization` (FIELD_ALIASES); the output uses the lower-case name.
  ['organization', 'string', 'organization owning the IP (may be a parent or child of the ISP)'],
  ['is_crawler', 'boolean', 'verified search-engine crawler'],
  ['timezone', 'string', 'time zone name, or N/A'],
  ['mobile', 'boolean', 'the user agent is a mobile browser (false without a user agent)'],
  ['host', 'string', 'reverse DNS host name'],
  ['proxy', 'boolean', 'any proxy: SOCKS, elite, anonymous, VPN or Tor'],
  ['vpn', 'boolean', 'suspected VPN (implies proxy)'],
  ['tor', 'boolean', 'suspected Tor exit node (implies proxy)'],
  ['active_vpn', 'boolean', 'currently active VPN (premium)'],
  ['active_tor', 'boolean', 'currently active Tor exit node (premium)'],
  ['recent_abuse', 'boolean', 'verified abuse in the past few days'],
  ['bot_status', 'boolean', 'recent bot or non-human abuse (premium)'],
  ['connection_type', 'string', 'Residential, Corporate, Education, Mobile or Data Center'],
  ['abuse_velocity', 'string', 'how often the IP abused recently: high, medium, low or none (premium)'],
  ['shared_connection', 'boolean', 'shared connection (CGNAT and similar)'],
  ['dynamic_connection', 'boolean', 'dynamically allocated IP'],
  ['frequent_abuser', 'boolean', 'frequent abuse history'],
  ['high_risk_attacks', 'boolean', 'history of high-risk attacks'],
  ['security_scanner', 'boolean', 'known security scanner'],
  ['trusted_network', 'boolean', 'trusted network'],
  ['abuse_events', 'list', 'kinds of abuse seen, e.g. "Open Proxies", "Bot Attacks"'],
  ['latitude', 'number', 'latitude'],
  ['longitude', 'number', 'longitude'],
  ['operating_system', 'string', 'operating system of the user agent (only with user_agent)'],
  ['browser', 'string', 'browser of the user agent (only with user_agent)'],
  ['device_brand', 'string', 'device brand of the user agent (only with user_agent)'],
  ['device_model', 'string', 'device model of the user agent (only with user_agent)'],
  ['transaction_details', 'json', 'transaction scoring details (only when transaction fields are passed)'],
];

const EMAIL_FIELDS: readonly Row[] = [
  ...ENVELOPE,
  ['valid', 'boolean', 'the address appears valid'],
  ['disposable', 'boolean', 'temporary or disposable mail provider'],
  ['smtp_score', 'number', '-1 invalid, 0 server rejects all, 1 temporary error, 2 catch-all, 3 verified'],
  ['overall_score', 'number', '0 invalid to 4 verified mailbox'],
  ['first_name', 'string', 'guessed first name, CORPORATE or UNKNOWN'],
  ['generic', 'boolean', 'role or shared mailbox (admin@, sales@ ...)'],
  ['common', 'boolean', 'common free mail provider'],
  ['dns_valid', 'boolean', 'the domain has valid DNS'],
  ['honeypot', 'boolean', 'believed to be a spam trap or honeypot'],
  ['deliverability', 'string', 'high, medium or low'],
  ['frequent_complainer', 'boolean', 'often unsubscribes or reports spam'],
  ['spam_trap_score', 'string', 'high, medium, low or none'],
  ['catch_all', 'boolean', 'the mail server accepts every address'],
  ['timed_out', 'boolean', 'the SMTP check timed out (valid is then untrustworthy)'],
  ['suspect', 'boolean', 'temporary server error or broken handshake; also true for catch-all'],
  ['recent_abuse', 'boolean', 'verified recent abuse'],
  ['fraud_score', 'number', 'email reputation risk 0-100; 80+ suspicious, 90+ risky'],
  ['suggested_domain', 'string', 'corrected domain for a typo, or N/A'],
  ['leaked', 'boolean', 'seen in a recent third-party data breach'],
  ...dateRows('domain_age', 'domain registration date'),
  ...dateRows('first_seen', 'first time IPQS saw the address'),
  ['domain_trust', 'string', 'trust of the domain, e.g. trusted'],
  ['sanitized_email', 'string', 'the address with aliases and masking removed'],
  ['domain_velocity', 'string', 'how fast the domain is seen in new sign-ups, e.g. high'],
  ['user_activity', 'string', 'activity of the mailbox owner, e.g. high'],
  ['associated_names.status', 'string', 'status of the associated names lookup', 'pii'],
  ['associated_names.names', 'list', 'names associated with the address', 'pii'],
  ['associated_phone_numbers.status', 'string', 'status of the associated phone numbers lookup', 'pii'],
  ['associated_phone_numbers.phone_numbers', 'list', 'phone numbers associated with the address', 'pii'],
  ...DNS_HYGIENE,
  ['mx_records', 'list', 'MX records of the domain'],
  ['a_records', 'list', 'A records of the domain'],
  ['identity_data', 'json', 'identity records: names, addresses, emails, phone numbers, age, source', 'pii'],
];

const URL_FIELDS: readonly Row[] = [
  ...ENVELOPE,
  ['unsafe', 'boolean', 'phishing, malware, spam or abuse suspected (confidence is risk_score)'],
  ['domain', 'string', 'final destination domain, subdomains included'],
  ['root_domain', 'string', 'registrable domain'],
  ['ip_address', 'string', 'IP of the server, or N/A'],
  ['country_code', 'string', 'ISO-3166 alpha-2 country of the server'],
  ['language_code', 'string', 'ISO-639 language of the content'],
  ['server', 'string', 'server banner, or N/A'],
  ['content_type', 'string', 'MIME type, or N/A'],
  ['status_code', 'number', 'HTTP status; 0 when unreachable'],
  ['page_size', 'number', 'page size in bytes; 0 when unreachable'],
  ['domain_rank', 'number', 'popularity rank; 0 when unranked'],
  ['dns_valid', 'boolean', 'the domain has valid DNS'],
  ['parking', 'boolean', 'parked domain'],
  ['spamming', 'boolean', 'associated with spam'],
  ['malware', 'boolean', 'serves malware'],
  ['phishing', 'boolean', 'phishing'],
  ['suspicious', 'boolean', 'likely abuse'],
  ['adult', 'boolean', 'adult content'],
  ['risk_score', 'number', 'malicious-URL confidence 0-100; 85+ high risk, 100 confirmed'],
  ['category', 'string', 'site category, or N/A'],
  ...dateRows('domain_age', 'domain registration date'),
  ['domain_trust', 'string', 'trust of the domain, e.g. trusted'],
  ['redirected', 'boolean', 'the URL redirects'],
  ['short_link_redirect', 'boolean', 'the URL is a link shortener'],
  ['hosted_content', 'boolean', 'content hosted on a shared platform'],
  ['page_title', 'string', 'title of the page'],
  ...DNS_HYGIENE,
  ['technologies', 'json', 'technologies detected on the site'],
  ['a_records', 'list', 'A records of the domain'],
  ['mx_records', 'list', 'MX records of the domain'],
  ['ns_records', 'list', 'NS records of the domain'],
  ['final_url', 'string', 'URL after redirects'],
  ['scanned_url', 'string', 'URL as scanned'],
];

const PHONE_FIELDS: readonly Row[] = [
  ...ENVELOPE,
  ['valid', 'boolean', 'well-formed and assigned number'],
  ['active', 'boolean', 'live line (needs carrier data; may be absent)'],
  ['formatted', 'string', 'international format, or N/A'],
  ['local_format', 'string', 'national format, or N/A'],
  ['fraud_score', 'number', 'phone reputation risk 0-100; 85+ risky, 90+ very high risk'],
  ['recent_abuse', 'boolean', 'recent or ongoing fraud'],
  ['VOIP', 'boolean', 'VOIP number'],
  ['prepaid', 'boolean', 'prepaid line (may be absent)'],
  ['risky', 'boolean', 'risky number'],
  ['carrier', 'string', 'carrier, or N/A'],
  ['line_type', 'string', 'Mobile, Landline, VOIP, Toll Free, Satellite, Premium Rate, Pager or N/A'],
  ['country', 'string', 'ISO-3166 alpha-2 country, or N/A'],
  ['region', 'string', 'region, or N/A'],
  ['city', 'string', 'city, or N/A'],
  ['zip_code', 'string', 'postal code, or N/A'],
  ['timezone', 'string', 'time zone name, or N/A'],
  ['dialing_code', 'number', 'country dialing code (absent when unknown)'],
  ['active_status', 'string', 'Active Line, Disconnected Line, Phone Turned Off, Inconclusive Status or N/A'],
  ['name', 'string', 'owner name(s), comma separated, or N/A', 'pii'],
  ['do_not_call', 'boolean', 'on a do-not-call list (US and CA only)'],
  ['leaked', 'boolean', 'seen in a data breach'],
  ['spammer', 'boolean', 'known spammer'],
  ['sms_domain', 'string', 'SMS gateway domain, or N/A'],
  ['sms_email', 'string', 'SMS gateway address, or N/A'],
  ['associated_email_addresses.status', 'string', 'status of the associated emails lookup', 'pii'],
  ['associated_email_addresses.emails', 'list', 'email addresses associated with the number', 'pii'],
  ['user_activity', 'string', 'activity of the line owner'],
  ['mnc', 'string', 'mobile network code, or N/A'],
  ['mcc', 'string', 'mobile country code, or N/A'],
  ['accurate_country_code', 'boolean', 'the country code is accurate'],
  ['tcpa_blacklist', 'boolean', 'on the TCPA litigator blacklist'],
  ['number_recycling.message', 'string', 'status of the number recycling check'],
  ['number_recycling.recently_recycled', 'boolean', 'the number was recently reassigned'],
  ['number_recycling.last_ported_date', 'string', 'date the number was last ported'],
  ['number_recycling.ported', 'boolean', 'the number was ported'],
  ['identity_data', 'json', 'identity records of the owner', 'pii'],
];

/** Every field of every lookup type, in output order. */
export const FIELD_CATALOG: Readonly<Record<LookupType, readonly FieldSpec[]>> = {
  ip: specs(IP_FIELDS),
  email: specs(EMAIL_FIELDS),
  url: specs(URL_FIELDS),
  phone: specs(PHONE_FIELDS),
};

/** Response keys IPQS spells differently from the catalogue (top-level key → catalogue path). */
export const FIELD_ALIASES: Readonly<Record<LookupType, Readonly<Record<string, string>>>> = {
  ip: { Organization: 'organization' },
  email: {},
  url: {},
  phone: {},
};
