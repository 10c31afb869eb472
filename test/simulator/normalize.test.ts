import { normalizeSubject } from '../../src/simulator/normalize';

describe('normalizeSubject', () => {
  it.each([
    ['ip', '8.8.8.8', { value: '8.8.8.8', kind: 'ipv4' }],
    ['ip', '2001:DB8::0:1', { value: '2001:db8::1', kind: 'ipv6' }],
    ['ip', 'Mail.Example.org.', { value: 'mail.example.org', kind: 'hostname' }],
    ['email', ' A.B@Example.COM ', { value: 'a.b@example.com', local: 'a.b', domain: 'example.com' }],
    ['url', 'Risk-80.EXAMPLE/path', { value: 'http://Risk-80.EXAMPLE/path', host: 'risk-80.example' }],
    ['url', 'https://[2001:db8::1]/x', { host: '[2001:db8::1]' }],
    ['url', 'http://198.51.100.7:8080/', { host: '198.51.100.7' }],
    ['phone', '+1 (800) 555-0042', { value: '18005550042' }],
    ['phone', '18005550042', { value: '18005550042' }],
    ['phone', '07911 123456', { value: '07911123456', parsed: undefined }],
  ] as const)('normalizes the %s value %j', (type, raw, expected) => {
    expect(normalizeSubject(type, raw)).toMatchObject({ type, ...expected });
  });

  it('reads a national phone number in the given country', () => {
    expect(normalizeSubject('phone', '07911 123456', 'gb')).toMatchObject({ value: '447911123456' });
  });

  it.each([
    ['ip', '256.1.1.1'],
    ['ip', '1.2.3'],
    ['ip', 'under score.example'],
    ['email', 'a@b'],
    ['email', 'a b@example.com'],
    ['url', 'http://'],
    ['url', 'mailto://someone@example.com'],
    ['url', 'localhost'],
    ['phone', '+1 800 FLOWERS'],
    ['phone', '1234567890123456'],
  ] as const)('rejects the %s value %j', (type, raw) => {
    expect(normalizeSubject(type, raw)).toBeUndefined();
  });
});
