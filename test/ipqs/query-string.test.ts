import { lookupQuery, serializeParams } from '../../src/ipqs/query-string';

describe('serializeParams', () => {
  it.each<[string, Record<string, unknown>, string]>([
    [
      'plain values in order',
      { ip: '8.8.8.8', strictness: '1', fast: 'true' },
      'ip=8.8.8.8&strictness=1&fast=true',
    ],
    ['a + in an email', { email: 'first.last+tag@example.com' }, 'email=first.last%2Btag%40example.com'],
    [
      'a URL with ?, &, # and a space',
      { url: 'https://a.example/p q?x=1&y=2#top' },
      'url=https%3A%2F%2Fa.example%2Fp%20q%3Fx%3D1%26y%3D2%23top',
    ],
    [
      'a list as a repeated key with literal brackets',
      { 'country[]': ['US', 'CA'] },
      'country[]=US&country[]=CA',
    ],
    ['an empty list as nothing', { 'country[]': [], a: '1' }, 'a=1'],
    ['an empty string as an empty value', { user_language: '' }, 'user_language='],
    ['undefined and null as nothing', { a: undefined, b: null, c: '3' }, 'c=3'],
    ['a key that needs encoding', { 'odd key&': 'v' }, 'odd%20key%26=v'],
    ['non-ASCII values as UTF-8', { phone: '+33 ６' }, 'phone=%2B33%20%EF%BC%96'],
  ])('writes %s', (_label, params, expected) => {
    expect(serializeParams(params)).toBe(expected);
  });

  it('round-trips every value through a standard query parser', () => {
    const params = { url: 'https://x.example/?a=b&c=d#e', email: 'a+b@c.example', 'country[]': ['US', 'CA'] };
    const parsed = new URLSearchParams(serializeParams(params));
    expect(parsed.get('url')).toBe(params.url);
    expect(parsed.get('email')).toBe(params.email);
    expect(parsed.getAll('country[]')).toStrictEqual(['US', 'CA']);
  });
});

describe('lookupQuery', () => {
  it('puts the lookup and its value first, then the params', () => {
    const params = { strictness: '1', 'country[]': ['US', 'CA'] };
    expect(lookupQuery('phone', '+1 800', params)).toBe(
      'phone=%2B1%20800&strictness=1&country[]=US&country[]=CA',
    );
  });

  it('leaves out a key param and the lookup name given again as a param', () => {
    const params = { key: 'secret', email: 'other@example.com', fast: 'true' };
    expect(lookupQuery('email', 'a+b@example.com', params)).toBe('email=a%2Bb%40example.com&fast=true');
  });

  it('is the lookup alone without params', () => {
    expect(lookupQuery('ip', '8.8.8.8', {})).toBe('ip=8.8.8.8');
  });

  it('gives each lookup of one params object its own query', () => {
    const params = { ip: 'x', url: 'y', strictness: '0' };
    expect(lookupQuery('ip', '1.1.1.1', params)).toBe('ip=1.1.1.1&url=y&strictness=0');
    expect(lookupQuery('url', 'a.example', params)).toBe('url=a.example&ip=x&strictness=0');
    expect(lookupQuery('ip', '2.2.2.2', params)).toBe('ip=2.2.2.2&url=y&strictness=0');
  });
});
