import { FIELD_CATALOG, LOOKUP_TYPES } from '../../src/ipqs/fields';
import type { LookupType } from '../../src/ipqs/fields';
import { simulatorFailure, simulatorResponse } from '../../src/simulator/simulator-response';
import { hasPath, jsonBody } from './answers';

const ORDINARY: Readonly<Record<LookupType, readonly string[]>> = {
  ip: ['8.8.8.8', '2001:db8::1', 'mail.example.org', '198.51.100.85', '203.0.113.99'],
  email: ['someone@gmail.com', 'admin@example.org', 'score-85@example.com', 'disposable@example.com'],
  url: ['https://example.org/login?next=1', 'example.org', 'risk-80.example', 'https://phishing.example'],
  phone: ['+1 800 555 0042', '+44 20 7183 8750', '+916300445104', '+1 800 555 1000'],
};

describe('simulatorResponse', () => {
  it.each(LOOKUP_TYPES.flatMap((type) => ORDINARY[type].map((value) => [type, value] as const)))(
    'answers %s %s with success, message "Success" and every catalogue field',
    (type, value) => {
      const answer = simulatorResponse(type, value);
      const body = jsonBody(answer);
      expect(answer).toMatchObject({ kind: 'json', status: 200 });
      expect(body).toMatchObject({ success: true, message: 'Success' });
      expect(body.request_id).toMatch(/^[A-Za-z]{10}$/);
      const missing = FIELD_CATALOG[type].map((field) => field.path).filter((path) => !hasPath(body, path));
      expect(missing).toEqual([]);
    },
  );

  it.each(LOOKUP_TYPES.flatMap((type) => ORDINARY[type].map((value) => [type, value] as const)))(
    'answers %s %s identically every time',
    (type, value) => {
      expect(simulatorResponse(type, value)).toEqual(simulatorResponse(type, value));
    },
  );

  it.each([
    ['ip', '2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['ip', ' 8.8.8.8 ', '8.8.8.8'],
    ['email', ' Someone@GMAIL.com', 'someone@gmail.com'],
    ['url', 'example.org', 'http://example.org'],
    ['phone', '+1 (800) 555-0042', '18005550042'],
  ] as const)('answers the %s forms %j and %j alike, as they normalize to one value', (type, a, b) => {
    expect(simulatorResponse(type, a)).toEqual(simulatorResponse(type, b));
  });

  it('gives different values different request ids', () => {
    const ids = new Set(
      Array.from({ length: 50 }, (_, i) => jsonBody(simulatorResponse('ip', `8.8.4.${i}`)).request_id),
    );
    expect(ids.size).toBe(50);
  });

  it('scores ordinary values mostly clean, with some risky ones', () => {
    const scores = Array.from(
      { length: 200 },
      (_, i) => jsonBody(simulatorResponse('ip', `100.64.${i}.7`)).fraud_score as number,
    );
    expect(scores.filter((score) => score < 75).length).toBeGreaterThan(140);
    expect(scores.filter((score) => score >= 85).length).toBeGreaterThan(0);
  });

  it('keeps personal data empty or N/A', () => {
    const email = jsonBody(simulatorResponse('email', 'someone@gmail.com'));
    const phone = jsonBody(simulatorResponse('phone', '+1 800 555 0042'));
    expect(email).toMatchObject({
      identity_data: [],
      associated_names: { names: [] },
      associated_phone_numbers: { phone_numbers: [] },
    });
    expect(phone).toMatchObject({
      identity_data: [],
      name: 'N/A',
      associated_email_addresses: { emails: [] },
    });
  });

  it('spells the IP organization field in lower case, like the real responses', () => {
    const body = jsonBody(simulatorResponse('ip', '8.8.8.8'));
    expect(body).toHaveProperty('organization');
    expect(body).not.toHaveProperty('Organization');
  });

  it('reads a national phone number with the country parameter', () => {
    const body = jsonBody(simulatorResponse('phone', '800 555 0042', { country: 'US' }));
    expect(body).toMatchObject({
      formatted: '+18005550042',
      fraud_score: 42,
      country: 'US',
      dialing_code: 1,
    });
  });

  it.each([
    ['ip', '999.1.1.1', 'Invalid IPv4 address, IPv6 address or hostname.'],
    ['ip', 'not an ip', 'Invalid IPv4 address, IPv6 address or hostname.'],
    ['ip', '', 'Invalid IPv4 address, IPv6 address or hostname.'],
    ['email', 'no-at-sign.example.com', 'Invalid email address'],
    ['email', 'two@@example.com', 'Invalid email address'],
    ['url', 'not a url', 'Invalid URL'],
    ['url', 'javascript:alert(1)', 'Invalid URL'],
    ['phone', 'call me', 'Invalid phone number'],
    ['phone', '12', 'Invalid phone number'],
  ] as const)('rejects the %s value %j with "%s"', (type, value, message) => {
    const answer = simulatorResponse(type, value);
    expect(answer).toMatchObject({ kind: 'json', status: 200 });
    expect(jsonBody(answer)).toEqual({
      success: false,
      message,
      request_id: expect.stringMatching(/^[A-Za-z]{10}$/),
    });
  });

  it('answers a failure for any value with the failure body', () => {
    expect(simulatorFailure('url', 'example.org', 'no-credits')).toEqual({
      kind: 'json',
      status: 200,
      body: {
        success: false,
        message: expect.stringMatching(/^You have insufficient credits to make this query\./),
        request_id: expect.any(String),
      },
    });
  });
});
