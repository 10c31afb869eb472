import { lookupRequest, routeOf } from '../../src/simulator/routes';
import type { Route } from '../../src/simulator/routes';

type LookupRoute = Extract<Route, { kind: 'lookup' }>;

function lookupRoute(method: string, url: string): LookupRoute {
  const route = routeOf(method, url);
  if (route.kind !== 'lookup') throw new Error(`expected a lookup route, got ${route.kind}`);
  return route;
}

describe('routeOf', () => {
  it.each([
    ['GET', '/api/json/ip/KEY/8.8.8.8', { kind: 'lookup', type: 'ip', pathKey: 'KEY', pathValue: '8.8.8.8' }],
    ['POST', '/api/json/email?email=a%40b.example', { kind: 'lookup', type: 'email', pathKey: undefined }],
    [
      'GET',
      '/api/json/url/KEY/https://x.example/a/b',
      { kind: 'lookup', pathValue: 'https://x.example/a/b' },
    ],
    ['GET', '/api/json/phone/', { kind: 'lookup', type: 'phone', pathKey: undefined, pathValue: undefined }],
    ['GET', '/__stats', { kind: 'stats' }],
    ['POST', '/__reset', { kind: 'reset-stats' }],
    ['GET', '/__reset', { kind: 'method-not-allowed', allow: 'POST' }],
    ['PUT', '/api/json/ip/KEY/8.8.8.8', { kind: 'method-not-allowed', allow: 'GET, POST' }],
    ['GET', '/api/json/leaked/KEY/x', { kind: 'not-found' }],
    ['GET', '/api/xml/ip/KEY/8.8.8.8', { kind: 'not-found' }],
    ['GET', '/', { kind: 'not-found', path: '/' }],
  ])('routes %s %s to %j', (method, url, expected) => {
    expect(routeOf(method, url)).toMatchObject(expected);
  });
});

describe('lookupRequest', () => {
  it('reads the key and the percent-encoded value from the path', () => {
    const route = lookupRoute(
      'GET',
      `/api/json/url/K%2B1/${encodeURIComponent('https://x.example/?a=1&b=2')}`,
    );
    expect(lookupRequest(route, {}, '')).toEqual({
      type: 'url',
      key: 'K+1',
      value: 'https://x.example/?a=1&b=2',
      country: undefined,
    });
  });

  it('reads the key and value from the query', () => {
    const route = lookupRoute('GET', '/api/json/email?key=K&email=a%40b.example&fast=true');
    expect(lookupRequest(route, {}, '')).toMatchObject({ key: 'K', value: 'a@b.example' });
  });

  it('reads the key and value from a form body', () => {
    const route = lookupRoute('POST', '/api/json/ip');
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    expect(lookupRequest(route, headers, 'key=K&ip=8.8.8.8&strictness=1')).toMatchObject({
      key: 'K',
      value: '8.8.8.8',
    });
  });

  it('reads the key from the IPQS-KEY header when neither the path nor the fields hold one', () => {
    const route = lookupRoute('GET', '/api/json/ip?ip=8.8.8.8');
    expect(lookupRequest(route, { 'ipqs-key': 'HEADER' }, '')).toMatchObject({
      key: 'HEADER',
      value: '8.8.8.8',
    });
  });

  it('prefers the path key over the query key and the header', () => {
    const route = lookupRoute('GET', '/api/json/ip/PATH/8.8.8.8?key=QUERY');
    expect(lookupRequest(route, { 'ipqs-key': 'HEADER' }, '').key).toBe('PATH');
  });

  it('ignores a body that is not a form', () => {
    const route = lookupRoute('POST', '/api/json/ip');
    const headers = { 'content-type': 'application/json', 'ipqs-key': 'K' };
    expect(lookupRequest(route, headers, '{"ip":"8.8.8.8"}').value).toBeUndefined();
  });

  it.each([
    ['/api/json/phone?phone=8005550042&country[]=US&country[]=CA', 'US'],
    ['/api/json/phone?phone=8005550042&country%5B%5D=GB', 'GB'],
    ['/api/json/phone?phone=8005550042&country=CA,US', 'CA'],
    ['/api/json/phone?phone=8005550042', undefined],
  ])('reads the first country of %s', (url, country) => {
    expect(lookupRequest(lookupRoute('GET', url), { 'ipqs-key': 'K' }, '').country).toBe(country);
  });

  it.each([
    ['no key at all', '/api/json/ip?ip=8.8.8.8', { key: undefined }],
    ['an empty key', '/api/json/ip?key=&ip=8.8.8.8', { key: undefined }],
    ['no value', '/api/json/ip?key=K', { value: undefined }],
    ['a badly encoded value', '/api/json/ip/K/%E0%A4%A', { value: undefined }],
  ])('leaves undefined what is missing: %s', (_what, url, expected) => {
    expect(lookupRequest(lookupRoute('GET', url), {}, '')).toMatchObject(expected);
  });
});
