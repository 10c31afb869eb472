import { FIELD_ALIASES, FIELD_CATALOG, LOOKUP_TYPES } from '../../src/ipqs/fields';
import type { FieldKind, LookupType } from '../../src/ipqs/fields';

// Field paths of the real IPQS responses in /work/shared/fixtures/ipqs-real (XSOAR test data), nested
// objects flattened with '.', minus `success`.
const REAL_RESPONSE_PATHS: Readonly<Partial<Record<LookupType, readonly string[]>>> = {
  ip: [
    'message',
    'fraud_score',
    'country_code',
    'region',
    'city',
    'ISP',
    'ASN',
    'organization',
    'is_crawler',
    'timezone',
    'mobile',
    'host',
    'proxy',
    'vpn',
    'tor',
    'active_vpn',
    'active_tor',
    'recent_abuse',
    'bot_status',
    'connection_type',
    'abuse_velocity',
    'shared_connection',
    'dynamic_connection',
    'frequent_abuser',
    'high_risk_attacks',
    'security_scanner',
    'trusted_network',
    'zip_code',
    'latitude',
    'longitude',
    'abuse_events',
    'request_id',
  ],
  url: [
    'message',
    'unsafe',
    'domain',
    'ip_address',
    'server',
    'content_type',
    'status_code',
    'page_size',
    'domain_rank',
    'dns_valid',
    'parking',
    'spamming',
    'malware',
    'phishing',
    'suspicious',
    'risk_score',
    'request_id',
  ],
  phone: [
    'message',
    'formatted',
    'local_format',
    'valid',
    'fraud_score',
    'recent_abuse',
    'VOIP',
    'prepaid',
    'risky',
    'active',
    'carrier',
    'line_type',
    'country',
    'city',
    'zip_code',
    'region',
    'dialing_code',
    'active_status',
    'sms_domain',
    'associated_email_addresses.status',
    'associated_email_addresses.emails',
    'user_activity',
    'mnc',
    'mcc',
    'leaked',
    'spammer',
    'request_id',
    'name',
    'timezone',
    'do_not_call',
    'tcpa_blacklist',
    'accurate_country_code',
    'sms_email',
    'number_recycling.message',
    'number_recycling.recently_recycled',
    'number_recycling.last_ported_date',
    'number_recycling.ported',
    'identity_data',
  ],
};

function paths(type: LookupType): string[] {
  return FIELD_CATALOG[type].map((field) => field.path);
}

function kindOf(type: LookupType, path: string): FieldKind | undefined {
  return FIELD_CATALOG[type].find((field) => field.path === path)?.kind;
}

describe('FIELD_CATALOG', () => {
  it('covers the four lookup types, domains riding on url', () => {
    expect(LOOKUP_TYPES).toEqual(['ip', 'email', 'url', 'phone']);
    expect(Object.keys(FIELD_CATALOG).sort()).toEqual([...LOOKUP_TYPES].sort());
  });

  it.each(LOOKUP_TYPES)('lists each %s field path once', (type) => {
    expect(new Set(paths(type)).size).toBe(paths(type).length);
  });

  it.each(LOOKUP_TYPES)('gives every %s field a note', (type) => {
    expect(FIELD_CATALOG[type].filter((field) => field.note.trim() === '')).toEqual([]);
  });

  it.each(LOOKUP_TYPES)('includes the envelope message and request_id but not success for %s', (type) => {
    expect(paths(type)).toEqual(expect.arrayContaining(['message', 'request_id']));
    expect(paths(type)).not.toContain('success');
  });

  it.each(Object.entries(REAL_RESPONSE_PATHS))(
    'has a field for every key of the real %s response',
    (type, real) => {
      const known = new Set(paths(type as LookupType));
      expect(real.filter((path) => !known.has(path))).toEqual([]);
    },
  );

  it('names the IP organization in lower case and maps the documented capitalised spelling to it', () => {
    expect(paths('ip')).toContain('organization');
    expect(paths('ip')).not.toContain('Organization');
    expect(FIELD_ALIASES.ip).toEqual({ Organization: 'organization' });
  });

  it('flattens the nested objects with dots', () => {
    expect(paths('email')).toEqual(
      expect.arrayContaining([
        'domain_age.human',
        'domain_age.timestamp',
        'domain_age.iso',
        'first_seen.human',
        'first_seen.timestamp',
        'first_seen.iso',
        'associated_names.status',
        'associated_names.names',
        'associated_phone_numbers.status',
        'associated_phone_numbers.phone_numbers',
      ]),
    );
    expect(paths('url')).toEqual(
      expect.arrayContaining(['domain_age.human', 'domain_age.timestamp', 'domain_age.iso']),
    );
    expect(paths('url')).not.toContain('domain_age');
  });

  it.each<[LookupType, string, FieldKind]>([
    ['ip', 'abuse_events', 'list'],
    ['email', 'mx_records', 'list'],
    ['email', 'a_records', 'list'],
    ['url', 'ns_records', 'list'],
    ['email', 'associated_names.names', 'list'],
    ['phone', 'associated_email_addresses.emails', 'list'],
    ['ip', 'transaction_details', 'json'],
    ['email', 'identity_data', 'json'],
    ['phone', 'identity_data', 'json'],
    ['url', 'technologies', 'json'],
    ['ip', 'fraud_score', 'number'],
    ['url', 'risk_score', 'number'],
    ['email', 'domain_age.timestamp', 'number'],
    ['phone', 'VOIP', 'boolean'],
    ['phone', 'number_recycling.ported', 'boolean'],
    ['email', 'spam_trap_score', 'string'],
  ])('types %s %s as %s', (type, path, kind) => {
    expect(kindOf(type, path)).toBe(kind);
  });

  it('marks exactly the personal data fields of the design as pii', () => {
    const pii = LOOKUP_TYPES.flatMap((type) =>
      FIELD_CATALOG[type].filter((field) => field.pii === true).map((field) => `${type}:${field.path}`),
    );
    expect(pii.sort()).toEqual(
      [
        'email:associated_names.status',
        'email:associated_names.names',
        'email:associated_phone_numbers.status',
        'email:associated_phone_numbers.phone_numbers',
        'email:identity_data',
        'phone:name',
        'phone:associated_email_addresses.status',
        'phone:associated_email_addresses.emails',
        'phone:identity_data',
      ].sort(),
    );
  });
});
