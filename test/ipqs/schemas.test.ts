import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  IpqsInsufficientCreditsError,
  IpqsInvalidInputError,
  IpqsResponseError,
} from '../../src/ipqs/errors';
import { FIELD_CATALOG, LOOKUP_TYPES } from '../../src/ipqs/fields';
import type { LookupType } from '../../src/ipqs/fields';
import { parseIpqsResponse, responseSchema, SCORE_FIELD } from '../../src/ipqs/schemas';

const FIXTURES = path.resolve(__dirname, '../fixtures/ipqs');
const VARIANTS = ['clean', 'risky', 'quirks', 'unknown-fields'] as const;

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as Record<string, unknown>;
}

const ALL = LOOKUP_TYPES.flatMap((lookup) => VARIANTS.map((variant) => [lookup, variant] as const));

describe('parseIpqsResponse', () => {
  it.each(ALL)('accepts the %s %s fixture and keeps every field it holds', (lookup, variant) => {
    const body = fixture(`${lookup}-${variant}`);

    const data = parseIpqsResponse(lookup, body);

    const { [SCORE_FIELD[lookup]]: _score, ...rest } = body;
    expect(data).toMatchObject(rest);
    expect(typeof (data as Record<string, unknown>)[SCORE_FIELD[lookup]]).toBe('number');
  });

  it.each<[LookupType, string, Record<string, unknown>]>([
    [
      'ip',
      'ip-unknown-fields',
      { zz_future_flag: true, zz_future_details: { source: 'new feed', seen: [1, 2, 3] } },
    ],
    ['email', 'email-unknown-fields', { zz_future_score: 12, zz_future_list: ['a', 'b'] }],
    ['url', 'url-unknown-fields', { zz_future_flag: false, zz_future_object: { nested: { deep: 1 } } }],
    ['phone', 'phone-unknown-fields', { sms_pumping: { risk: 'low' }, zz_future_flag: true }],
  ])('keeps fields the %s schema does not know', (lookup, name, unknown) => {
    expect(parseIpqsResponse(lookup, fixture(name))).toMatchObject(unknown);
  });

  it('copies Organization to organization and keeps the original', () => {
    const data = parseIpqsResponse('ip', fixture('ip-quirks'));
    expect(data.organization).toBe('Example Hosting Ltd');
    expect(data.Organization).toBe('Example Hosting Ltd');
  });

  it('leaves a lower-case organization alone even when Organization is also present', () => {
    const data = parseIpqsResponse('ip', { ...fixture('ip-clean'), Organization: 'Other' });
    expect(data.organization).toBe('Google');
  });

  it('keeps "N/A" and null where numbers and booleans are expected', () => {
    const ip = parseIpqsResponse('ip', fixture('ip-quirks'));
    expect([ip.latitude, ip.longitude, ip.ASN, ip.recent_abuse]).toStrictEqual(['N/A', 'N/A', null, null]);
    const phone = parseIpqsResponse('phone', fixture('phone-quirks'));
    expect([phone.dialing_code, phone.prepaid, phone.active, phone.mnc]).toStrictEqual([
      null,
      null,
      null,
      410,
    ]);
    expect(phone.number_recycling).toMatchObject({ recently_recycled: null, ported: null });
  });

  it('accepts identity_data age as an object in one record and an empty array in another', () => {
    const data = parseIpqsResponse('email', fixture('email-quirks'));
    expect(data.identity_data?.map((record) => record.age)).toStrictEqual([
      expect.objectContaining({ human: '40 years' }),
      [],
    ]);
  });

  it('keeps a server banner with whitespace and CRLF exactly as sent', () => {
    expect(parseIpqsResponse('url', fixture('url-clean')).server).toBe(' gws\r\n');
  });

  it.each<[LookupType, unknown, number]>([
    ['ip', 0, 0],
    ['ip', 100, 100],
    ['email', '88', 88],
    ['url', ' 55 ', 55],
    ['phone', 42.5, 42.5],
  ])('reads the %s score %j as the number %d', (lookup, value, expected) => {
    const body = { ...fixture(`${lookup}-clean`), [SCORE_FIELD[lookup]]: value };
    const data = parseIpqsResponse(lookup, body) as Record<string, unknown>;
    expect(data[SCORE_FIELD[lookup]]).toBe(expected);
  });

  it.each<[LookupType, unknown, string]>([
    ['ip', undefined, 'fraud_score: required score is missing'],
    ['email', null, 'fraud_score: expected a score from 0 to 100'],
    ['phone', 'N/A', 'fraud_score: expected a score from 0 to 100'],
    ['url', 101, 'risk_score: expected a score from 0 to 100'],
    ['url', -1, 'risk_score: expected a score from 0 to 100'],
    ['ip', true, 'fraud_score: expected a score from 0 to 100'],
  ])('rejects a %s answer whose score is %j', (lookup, value, issue) => {
    const body: Record<string, unknown> = { ...fixture(`${lookup}-clean`), [SCORE_FIELD[lookup]]: value };
    if (value === undefined) delete body[SCORE_FIELD[lookup]];

    const error = catchError(() => parseIpqsResponse(lookup, body));

    expect(error).toBeInstanceOf(IpqsResponseError);
    expect((error as IpqsResponseError).issues).toContain(issue);
    expect((error as IpqsResponseError).message).toBe(
      `IPQS ${lookup} lookup failed: unexpected response (${issue})`,
    );
    expect((error as IpqsResponseError).retryable).toBe(false);
  });

  it('does not score a URL answer by fraud_score', () => {
    const { risk_score: _risk, ...body } = fixture('url-clean');
    const error = catchError(() => parseIpqsResponse('url', { ...body, fraud_score: 0 }));
    expect((error as IpqsResponseError).issues).toStrictEqual(['risk_score: required score is missing']);
  });

  it('names every field of the wrong type in the issues', () => {
    const body = { ...fixture('ip-clean'), proxy: 'yes', abuse_events: 'none' };
    const error = catchError(() => parseIpqsResponse('ip', body)) as IpqsResponseError;
    expect(error.issues.map((issue) => issue.split(':')[0])).toStrictEqual(['proxy', 'abuse_events']);
    expect(error.requestId).toBe('ipClean0001');
  });

  it.each([
    ['a string', 'not json'],
    ['null', null],
    ['an array', [fixture('ip-clean')]],
  ])('rejects %s as a body', (_label, body) => {
    expect(catchError(() => parseIpqsResponse('ip', body))).toBeInstanceOf(IpqsResponseError);
  });

  it.each([
    ['Invalid IPv4 address, IPv6 address or hostname.', IpqsInvalidInputError],
    ['You have insufficient credits to make this query.', IpqsInsufficientCreditsError],
  ])('throws the classified error for success:false "%s"', (message, errorClass) => {
    expect(catchError(() => parseIpqsResponse('ip', { success: false, message }))).toBeInstanceOf(errorClass);
  });
});

describe('responseSchema', () => {
  it.each(LOOKUP_TYPES)('declares every top-level field of the %s field catalogue', (lookup) => {
    const declared = Object.keys(responseSchema(lookup).shape);
    const catalogued = new Set(FIELD_CATALOG[lookup].map((field) => field.path.split('.')[0]!));
    expect(declared).toEqual(expect.arrayContaining([...catalogued]));
  });
});

function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
