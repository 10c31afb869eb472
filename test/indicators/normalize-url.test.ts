import { normalizeUrl, schemeOf } from '../../src/indicators/normalize-url';

describe('normalizeUrl', () => {
  it.each([
    ['http://example.com/', 'http://example.com/'],
    ['https://example.com/a?b=c#d', 'https://example.com/a?b=c#d'],
    ['HTTP://EXAMPLE.COM/Path', 'http://example.com/Path'],
    ['ftp://files.example.com/pub/x.zip', 'ftp://files.example.com/pub/x.zip'],
    ['http://example.com', 'http://example.com/'],
    ['https://example.com:443/x', 'https://example.com/x'],
    ['http://example.com:8080/x', 'http://example.com:8080/x'],
    ['http://Bücher.DE/Path', 'http://xn--bcher-kva.de/Path'],
    ['http://example.com/a b', 'http://example.com/a%20b'],
    ['http://user:pass@example.com/', 'http://user:pass@example.com/'],
    ['http://1.2.3.4/x', 'http://1.2.3.4/x'],
    ['http://[2001:DB8::1]/x', 'http://[2001:db8::1]/x'],
    ['http://my_site.example.com/', 'http://my_site.example.com/'],
    ['example.com/x', 'http://example.com/x'],
    ['example.com?q=1', 'http://example.com/?q=1'],
    ['Example.com/Path', 'http://example.com/Path'],
    ['example.com:8080/x', 'http://example.com:8080/x'],
    ['1.2.3.4/login.php', 'http://1.2.3.4/login.php'],
  ])('normalizes %j to %j', (raw, normalized) => {
    expect(normalizeUrl(raw, { requireSchemeOrPath: true })).toEqual({ ok: true, value: normalized });
  });

  it.each([
    ['javascript:alert(1)', 'scheme "javascript" is not http, https or ftp'],
    ['data:text/html,hi', 'scheme "data" is not http, https or ftp'],
    ['file:///etc/passwd', 'scheme "file" is not http, https or ftp'],
    ['mailto:user@example.com', 'scheme "mailto" is not http, https or ftp'],
    ['ws://example.com/', 'scheme "ws" is not http, https or ftp'],
    [`${'s'.repeat(40)}://x`, `scheme "${'s'.repeat(20)}" is not http, https or ftp`],
    ['http://', 'not parseable'],
    ['http://exa mple.com/', 'not parseable'],
    ['http://localhost/', 'host: no top-level domain'],
    ['http://-bad.example.com/', 'host: a label starts or ends with a hyphen'],
    ['http://a..b.com/', 'host: empty label'],
    ['10.0.0.0/8', 'an IP range in CIDR notation'],
    ['user@example.com/x', 'no scheme and no path'],
    ['see example.com/x', 'no scheme and no path'],
  ])('refuses %j: %s', (raw, reason) => {
    expect(normalizeUrl(raw, { requireSchemeOrPath: true })).toEqual({ ok: false, reason });
  });

  it.each(['example.com', 'example.com:8080'])(
    'takes the bare host %j for a URL only when a scheme or path is not required',
    (raw) => {
      expect(normalizeUrl(raw, { requireSchemeOrPath: true })).toEqual({
        ok: false,
        reason: 'no scheme and no path',
      });
      expect(normalizeUrl(raw)).toMatchObject({ ok: true, value: `http://${raw}/` });
    },
  );
});

describe('schemeOf', () => {
  it.each([
    ['https://example.com', 'https'],
    ['javascript:alert(1)', 'javascript'],
    ['example.com:8080', undefined],
    ['example.com:8080/x', undefined],
    ['example.com/x', undefined],
  ])('finds the scheme of %j: %s', (value, scheme) => {
    expect(schemeOf(value)).toBe(scheme);
  });
});
