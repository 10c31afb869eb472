import { AUTO_DETECT_FAILURE, MAX_INDICATOR_LENGTH, classify } from '../../src/indicators/classify';
import type { Classified } from '../../src/indicators/classify';
import { INDICATOR_TYPES } from '../../src/indicators/indicator-type';
import type { IndicatorType } from '../../src/indicators/indicator-type';

describe('classify, auto-detecting', () => {
  it.each<[string, IndicatorType, string]>([
    ['1.2.3.4', 'ip', '1.2.3.4'],
    ['2001:DB8:0:0:0:0:0:1', 'ip', '2001:db8::1'],
    ['::ffff:1.2.3.4', 'ip', '1.2.3.4'],
    ['1[.]2[.]3[.]4', 'ip', '1.2.3.4'],
    ['John.Doe@Example.COM', 'email', 'John.Doe@example.com'],
    ['  user@example.com  ', 'email', 'user@example.com'],
    ['user[at]example[.]com', 'email', 'user@example.com'],
    ['mailto:user@example.com', 'email', 'user@example.com'],
    ['https://Example.com/login', 'url', 'https://example.com/login'],
    ['hxxp://evil[.]example[.]com/x', 'url', 'http://evil.example.com/x'],
    ['hxxps[://]evil[.]com', 'url', 'https://evil.com/'],
    ['example.com/phish?id=1', 'url', 'http://example.com/phish?id=1'],
    ['http://user:pass@example.com/', 'url', 'http://user:pass@example.com/'],
    ['1.2.3.4/admin', 'url', 'http://1.2.3.4/admin'],
    ['example.com', 'domain', 'example.com'],
    ['WWW.Example.COM.', 'domain', 'www.example.com'],
    ['evil[.]example(dot)com', 'domain', 'evil.example.com'],
    ['bücher.de', 'domain', 'xn--bcher-kva.de'],
    ['+1 (202) 555-0143', 'phone', '+12025550143'],
    ['tel:+44 20 7946 0958', 'phone', '+442079460958'],
  ])('takes %j for %s %j', (raw, type, value) => {
    expect(classify(raw)).toEqual({ ok: true, type, value });
  });

  it('reads a phone number without a country code in the default country', () => {
    expect(classify('(202) 555-0143', { defaultCountry: 'US' })).toEqual({
      ok: true,
      type: 'phone',
      value: '+12025550143',
    });
  });

  it('tries a dotted number as an IP address before a phone number', () => {
    expect(classify('10.20.30.40', { defaultCountry: 'US' })).toMatchObject({ ok: true, type: 'ip' });
    expect(classify('202.555.0143', { defaultCountry: 'US' })).toMatchObject({ ok: true, type: 'phone' });
  });

  it.each<[string, IndicatorType | undefined, string]>([
    ['1.2.3', 'ip', 'not an IP address (IPv4 has exactly four dotted octets)'],
    ['999.1.1.1', 'ip', 'not an IP address (octet above 255)'],
    ['010.1.1.1', 'ip', 'not an IP address (leading zeros in an octet are ambiguous)'],
    ['1.2.3.4:8080', 'ip', 'not an IP address (ports are not allowed)'],
    ['10.0.0.0/8', 'ip', 'not an IP address (CIDR ranges are not supported)'],
    ['fe80::1%eth0', 'ip', 'not an IP address (IPv6 zone ids are not allowed)'],
    ['user@@example.com', 'email', 'not an email address (more than one @)'],
    ['user@localhost', 'email', 'not an email address (domain: no top-level domain)'],
    ['mailto:user', 'email', 'not an email address (no @)'],
    ['javascript:alert(1)', 'url', 'not a URL (scheme "javascript" is not http, https or ftp)'],
    ['http://localhost/x', 'url', 'not a URL (host: no top-level domain)'],
    ['-bad.example.com', 'domain', 'not a domain (a label starts or ends with a hyphen)'],
    ['example.123', 'domain', 'not a domain (the top-level domain is not valid)'],
    ['exa_mple.com', 'domain', 'not a domain (invalid characters)'],
    ['(202) 555-0143', 'phone', 'not a valid phone number (no country code and no default country)'],
    ['hello world', undefined, AUTO_DETECT_FAILURE],
    ['localhost', undefined, AUTO_DETECT_FAILURE],
    ['dead:beef', undefined, AUTO_DETECT_FAILURE],
    ['example.com:8080', undefined, AUTO_DETECT_FAILURE],
  ])('refuses %j, naming the type it looks like (%s): %s', (raw, type, reason) => {
    const expected: Classified = type === undefined ? { ok: false, reason } : { ok: false, type, reason };
    expect(classify(raw)).toEqual(expected);
  });

  it('names the default country when a local phone number is not valid there', () => {
    expect(classify('555 123 4567', { defaultCountry: 'US' })).toEqual({
      ok: false,
      type: 'phone',
      reason: 'not a valid phone number (US)',
    });
  });

  it('says which types it tried when nothing matches', () => {
    expect(AUTO_DETECT_FAILURE).toBe('not an IP address, email address, URL, domain or phone number');
  });
});

describe('classify, with a forced type', () => {
  it.each<[IndicatorType, string, string]>([
    ['ip', '2001:db8::1', '2001:db8::1'],
    ['email', 'user@example.com', 'user@example.com'],
    ['url', 'example.com', 'http://example.com/'],
    ['url', 'example.com:8080', 'http://example.com:8080/'],
    ['url', 'hxxps://example[.]com/x', 'https://example.com/x'],
    ['domain', 'Example.com', 'example.com'],
    ['phone', '+1 202 555 0143', '+12025550143'],
  ])('accepts a valid %s %j as %j', (forced, raw, value) => {
    expect(classify(raw, { forced })).toEqual({ ok: true, type: forced, value });
  });

  it.each<[IndicatorType, string, string]>([
    ['ip', 'example.com', 'not an IP address'],
    ['ip', 'user@example.com', 'not an IP address'],
    ['email', '1.2.3.4', 'not an email address (no @)'],
    ['url', 'javascript:alert(1)', 'not a URL (scheme "javascript" is not http, https or ftp)'],
    ['url', 'user@example.com', 'not a URL (no host)'],
    ['domain', '1.2.3.4', 'not a domain (the top-level domain is not valid)'],
    ['domain', 'https://example.com/', 'not a domain (has a scheme or a path)'],
    [
      'phone',
      'example.com',
      'not a valid phone number (only digits, spaces, +, -, . and parentheses are allowed)',
    ],
  ])('refuses as %s the value %j: %s', (forced, raw, reason) => {
    expect(classify(raw, { forced })).toEqual({ ok: false, type: forced, reason });
  });

  it('names the default country in the reason for a forced phone number', () => {
    expect(classify('12345', { forced: 'phone', defaultCountry: 'US' })).toEqual({
      ok: false,
      type: 'phone',
      reason: 'not a valid phone number (US)',
    });
  });

  it('tries only the forced type, even when another would match', () => {
    expect(classify('1.2.3.4', { forced: 'email' })).toMatchObject({ ok: false, type: 'email' });
    expect(classify('user@example.com', { forced: 'domain' })).toMatchObject({ ok: false, type: 'domain' });
  });
});

describe('classify, before any parsing', () => {
  it.each(['', '   ', '\t\n', '\u00a0'])('refuses the blank value %j', (raw) => {
    expect(classify(raw)).toEqual({ ok: false, reason: 'empty value' });
  });

  it('keeps the forced type on a value refused before parsing', () => {
    expect(classify('', { forced: 'url' })).toEqual({ ok: false, type: 'url', reason: 'empty value' });
  });

  it('refuses a value over the length limit, saying how long it is', () => {
    const raw = `http://example.com/${'a'.repeat(MAX_INDICATOR_LENGTH)}`;
    expect(classify(raw)).toEqual({ ok: false, reason: `too long (${raw.length} characters)` });
  });

  it('accepts a value of exactly the length limit', () => {
    const prefix = 'http://example.com/';
    const raw = `${prefix}${'a'.repeat(MAX_INDICATOR_LENGTH - prefix.length)}`;
    expect(classify(raw)).toMatchObject({ ok: true, type: 'url' });
  });

  it.each([
    ['a line break', 'example.com\nevil.com'],
    ['a carriage return', 'user@example.com\rX-Header: 1'],
    ['a NUL', 'example\u0000.com'],
    ['a DEL', 'example\u007f.com'],
    ['a C1 control', 'example\u0085.com'],
  ])('refuses a value with %s inside', (_case, raw) => {
    expect(classify(raw)).toEqual({ ok: false, reason: 'contains control characters' });
  });

  it.each([
    ['a zero-width space', 'exam\u200Bple.com'],
    ['a right-to-left override', 'evil\u202Egpj.com'],
    ['a byte order mark', 'exam\uFEFFple.com'],
  ])('refuses a value with %s inside', (_case, raw) => {
    expect(classify(raw)).toEqual({ ok: false, reason: 'contains invisible formatting characters' });
  });

  it.each([
    ['line breaks', '\r\nexample.com\r\n'],
    ['a leading byte order mark', '\uFEFFexample.com'],
  ])('trims surrounding %s rather than refusing them', (_case, raw) => {
    expect(classify(raw)).toEqual({ ok: true, type: 'domain', value: 'example.com' });
  });
});

describe('classify reasons', () => {
  const distinctive = 'zq7xv'.repeat(30);
  const samples = [
    `${distinctive}`,
    `http://${distinctive}/`,
    `${distinctive}@@example.com`,
    `javascript:${distinctive}`,
    `${distinctive}${'x'.repeat(3000)}`,
    `${distinctive}\n${distinctive}`,
  ];

  it.each(samples.flatMap((raw) => [undefined, ...INDICATOR_TYPES].map((forced) => [raw, forced] as const)))(
    'are one short line that does not repeat the value (%#)',
    (raw, forced) => {
      const result = classify(raw, forced === undefined ? {} : { forced });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.reason).not.toMatch(/[\p{Cc}]/u);
      expect(result.reason).not.toContain('zq7xvzq7xv');
      expect(result.reason.length).toBeLessThanOrEqual(100);
    },
  );
});
