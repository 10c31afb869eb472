import { normalizeDomain } from '../../src/indicators/normalize-domain';

const label63 = 'a'.repeat(63);

describe('normalizeDomain', () => {
  it.each([
    ['example.com', 'example.com'],
    ['Example.COM', 'example.com'],
    ['example.com.', 'example.com'],
    ['www.sub.example.co.uk', 'www.sub.example.co.uk'],
    ['a-b.example', 'a-b.example'],
    ['3com.com', '3com.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['BÜCHER.DE', 'xn--bcher-kva.de'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
    ['例え.テスト', 'xn--r8jz45g.xn--zckzah'],
    ['example。com', 'example.com'],
    [`${label63}.com`, `${label63}.com`],
    [`${'abcdefghi.'.repeat(25)}com`, `${'abcdefghi.'.repeat(25)}com`],
  ])('normalizes %j to %j', (raw, normalized) => {
    expect(normalizeDomain(raw)).toEqual({ ok: true, value: normalized });
  });

  it.each([
    ['localhost', 'no top-level domain'],
    ['example.com..', 'empty label'],
    ['a..b.com', 'empty label'],
    ['.example.com', 'empty label'],
    ['-a.com', 'a label starts or ends with a hyphen'],
    ['a-.com', 'a label starts or ends with a hyphen'],
    [`${'a'.repeat(64)}.com`, 'a label is longer than 63 characters'],
    [`${'abcdefghi.'.repeat(26)}com`, 'longer than 253 characters'],
    ['exa_mple.com', 'invalid characters'],
    ['ex ample.com', 'invalid characters'],
    ['*.example.com', 'invalid characters'],
    ['ex%41mple.com', 'invalid characters'],
    ['a.123', 'the top-level domain is not valid'],
    ['1.2.3.4', 'the top-level domain is not valid'],
    ['example.c', 'the top-level domain is not valid'],
    ['example.c0m', 'the top-level domain is not valid'],
    ['１２７.０.０.１', 'the top-level domain is not valid'],
    ['xn--zz.com', 'not a valid international domain name'],
    ['http://example.com', 'has a scheme or a path'],
    ['example.com/x', 'has a scheme or a path'],
    ['user@example.com', 'has an @'],
    ['example.com:8080', 'has a colon'],
  ])('refuses %j: %s', (raw, reason) => {
    expect(normalizeDomain(raw)).toEqual({ ok: false, reason });
  });

  it('accepts underscores inside labels only when asked (URL hosts)', () => {
    expect(normalizeDomain('my_site.example.com')).toEqual({ ok: false, reason: 'invalid characters' });
    expect(normalizeDomain('my_site.example.com', { allowUnderscore: true })).toEqual({
      ok: true,
      value: 'my_site.example.com',
    });
  });
});
