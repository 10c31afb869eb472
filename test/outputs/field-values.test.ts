import { FIELD_CATALOG, LOOKUP_TYPES } from '../../src/ipqs/fields';
import type { LookupType } from '../../src/ipqs/fields';
import { fieldValues, plainDecimal } from '../../src/outputs/field-values';
import email from '../fixtures/ipqs/email-fields.json';
import ip from '../fixtures/ipqs/ip-fields.json';
import phone from '../fixtures/ipqs/phone-fields.json';
import url from '../fixtures/ipqs/url-fields.json';

// Real IPQS responses (XSOAR test data, /work/shared/fixtures/ipqs-real) plus a synthetic email one.
const FIXTURES: Readonly<Record<LookupType, Record<string, unknown>>> = { ip, email, url, phone };

describe('fieldValues', () => {
  it.each(LOOKUP_TYPES)('has one entry per %s catalogue field, in catalogue order', (lookup) => {
    const values = fieldValues(lookup, FIXTURES[lookup]);
    expect([...values.keys()]).toEqual(FIELD_CATALOG[lookup].map((field) => field.path));
  });

  it.each<[LookupType, string, string | null]>([
    ['ip', 'fraud_score', '100'],
    ['ip', 'ASN', '3356'],
    ['ip', 'proxy', 'true'],
    ['ip', 'tor', 'false'],
    ['ip', 'zip_code', 'N/A'],
    ['ip', 'organization', 'Level 3 Communications'],
    ['ip', 'latitude', '21.30999947'],
    ['ip', 'longitude', '-157.80999756'],
    [
      'ip',
      'abuse_events',
      '["Open Proxies","Abusive Users","IPQS Honeypots","Malware & Phishing","Bot Attacks","BrightData"]',
    ],
    ['ip', 'request_id', 'fzckofTvAQ'],
    ['ip', 'transaction_details', null],
    ['ip', 'operating_system', null],
    ['url', 'server', ' gws\r\n'],
    ['url', 'content_type', 'text/html; charset=UTF-8'],
    ['url', 'risk_score', '0'],
    ['url', 'page_size', '38017'],
    ['url', 'dns_valid', 'true'],
    ['url', 'domain_age.iso', null],
    ['url', 'technologies', null],
    ['phone', 'prepaid', null],
    ['phone', 'dialing_code', '91'],
    ['phone', 'name', 'N/A'],
    ['phone', 'associated_email_addresses.status', 'No associated emails found.'],
    ['phone', 'associated_email_addresses.emails', '[]'],
    ['phone', 'number_recycling.recently_recycled', null],
    [
      'phone',
      'number_recycling.message',
      'Number recycling feature disabled. Please contact support to activate.',
    ],
    ['phone', 'identity_data', '[]'],
    ['email', 'smtp_score', '-1'],
    ['email', 'domain_age.human', '20 years ago'],
    ['email', 'domain_age.timestamp', '1100000000'],
    ['email', 'first_seen.iso', null],
    ['email', 'mx_records', '["mx1.example.com","mx2.example.com"]'],
    ['email', 'a_records', '[]'],
    ['email', 'associated_names.names', '["Test Person"]'],
    ['email', 'identity_data', '[{"names":[{"first_name":"Test","last_name":"Person"}],"age":[]}]'],
  ])('writes %s %s as %j', (lookup, path, expected) => {
    expect(fieldValues(lookup, FIXTURES[lookup]).get(path)).toBe(expected);
  });

  it('reads the documented capitalised Organization into organization', () => {
    expect(fieldValues('ip', { Organization: 'Example Org' }).get('organization')).toBe('Example Org');
  });

  it('prefers organization over Organization when both are present', () => {
    const values = fieldValues('ip', { organization: 'lower', Organization: 'Upper' });
    expect(values.get('organization')).toBe('lower');
  });

  it('does not list the alias spelling as a field of its own', () => {
    expect(fieldValues('ip', { Organization: 'x' }).has('Organization')).toBe(false);
  });

  it('ignores response keys that are not in the catalogue', () => {
    const values = fieldValues('url', { risk_score: 5, brand_new_field: 'x' });
    expect(values.has('brand_new_field')).toBe(false);
    expect(values.get('risk_score')).toBe('5');
  });

  it.each<[string, unknown, string | null]>([
    ['a missing value', undefined, null],
    ['null', null, null],
    ['an empty string', '', ''],
    ['a string number', '42', '42'],
    ['an object in a scalar field', { a: 1 }, '{"a":1}'],
    ['an array in a scalar field', ['x'], '["x"]'],
  ])('writes %s as %j', (_case, value, expected) => {
    expect(fieldValues('ip', { city: value }).get('city')).toBe(expected);
  });

  it('writes a number where the docs promise one but IPQS sent N/A as the string', () => {
    expect(fieldValues('ip', { latitude: 'N/A' }).get('latitude')).toBe('N/A');
  });

  it('reads nested paths through objects only', () => {
    expect(fieldValues('email', { domain_age: 'N/A' }).get('domain_age.iso')).toBeNull();
    expect(fieldValues('email', { domain_age: ['x'] }).get('domain_age.iso')).toBeNull();
    expect(fieldValues('email', { domain_age: null }).get('domain_age.human')).toBeNull();
    expect(fieldValues('email', { domain_age: { iso: '2020-01-01' } }).get('domain_age.iso')).toBe(
      '2020-01-01',
    );
  });

  it('writes a list field holding a string as JSON text', () => {
    expect(fieldValues('url', { ns_records: 'ns1.example.com' }).get('ns_records')).toBe('"ns1.example.com"');
  });
});

describe('fieldValues for some fields only', () => {
  it('formats just the paths asked for, with the same values as the full set', () => {
    const only = new Set(['fraud_score', 'proxy', 'Organization', 'organization']);
    const some = fieldValues('ip', ip, only);
    const all = fieldValues('ip', ip);
    expect([...some.keys()].sort()).toEqual([...only].filter((path) => all.has(path)).sort());
    for (const [path, value] of some) expect(value).toBe(all.get(path));
  });
});

describe('plainDecimal', () => {
  it.each<[number, string]>([
    [0, '0'],
    [-0, '0'],
    [42, '42'],
    [-157.80999756, '-157.80999756'],
    [0.000001, '0.000001'],
    [1.5e-7, '0.00000015'],
    [-2.5e-10, '-0.00000000025'],
    [1e21, '1000000000000000000000'],
    [1.234e22, '12340000000000000000000'],
    [123456789012, '123456789012'],
  ])('writes %p as %j', (value, expected) => {
    expect(plainDecimal(value)).toBe(expected);
  });
});
