import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import nock from 'nock';
import { AppError } from '../../src/errors';
import { createIpqsClient } from '../../src/ipqs/client';
import { IpqsAbortedError, IpqsTimeoutError } from '../../src/ipqs/errors';
import type { LookupType } from '../../src/ipqs/fields';
import { lookupParams } from '../../src/ipqs/request-params';
import { API_KEY, appParams, BASE_PATH, HOST, ipqsServer, queryPairs, testClient } from './ipqs-harness';

const execFileAsync = promisify(execFile);
const PROXY_LOOKUP = path.join(__dirname, 'proxy-lookup.ts');

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.resolve(__dirname, '../fixtures/ipqs', `${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >;

describe('IpqsClient requests', () => {
  it.each<[LookupType, string, string]>([
    ['ip', '8.8.8.8', '/api/json/ip?ip=8.8.8.8'],
    ['email', 'someone@example.com', '/api/json/email?email=someone%40example.com'],
    ['url', 'https://example.com/', '/api/json/url?url=https%3A%2F%2Fexample.com%2F'],
    ['phone', '+18007132618', '/api/json/phone?phone=%2B18007132618'],
  ])(
    'sends a %s lookup of %s as GET %s with the key only in the IPQS-KEY header',
    async (lookup, value, expected) => {
      const server = ipqsServer(lookup, [200, fixture(`${lookup}-clean`)]);
      const { client } = testClient();

      const result = await client.lookup({ lookup, value, params: {} });

      expect(server.requests).toHaveLength(1);
      const [request] = server.requests;
      expect(request!.path).toBe(expected);
      expect(request!.path).not.toContain(API_KEY);
      expect(request!.path).not.toMatch(/key=/i);
      expect(request!.headers['ipqs-key']).toBe(API_KEY);
      expect(result).toStrictEqual({
        lookup,
        data: expect.objectContaining({ success: true }),
        requestId: fixture(`${lookup}-clean`).request_id,
        attempts: 1,
      });
    },
  );

  it.each<[LookupType, Record<string, unknown>, string]>([
    [
      'ip',
      {
        ip_strictness: 2,
        user_agent: 'Mozilla/5.0 (X11)',
        user_language: 'en-US',
        ip_fast: true,
        mobile: true,
        allow_public_access_points: true,
        lighter_penalties: true,
        transaction_strictness: 1,
      },
      'ip=1.2.3.4&strictness=2&user_agent=Mozilla%2F5.0%20(X11)&user_language=en-US&fast=true&mobile=true' +
        '&allow_public_access_points=true&lighter_penalties=true&transaction_strictness=1',
    ],
    [
      'email',
      { email_strictness: 1, abuse_strictness: 2, email_fast: true, email_timeout: 20, suggest_domain: true },
      'email=1.2.3.4&strictness=1&abuse_strictness=2&fast=true&timeout=20&suggest_domain=true',
    ],
    [
      'url',
      { url_strictness: 1, url_fast: true, url_timeout: 5 },
      'url=1.2.3.4&strictness=1&fast=true&timeout=5',
    ],
    [
      'phone',
      { phone_strictness: 2, phone_countries: 'US,CA', enhanced_line_check: true, enhanced_name_check: true },
      'phone=1.2.3.4&strictness=2&country[]=US&country[]=CA&enhanced_line_check=true&enhanced_name_check=true',
    ],
  ])('puts every %s request parameter on the wire', async (lookup, overrides, query) => {
    const server = ipqsServer(lookup, [200, fixture(`${lookup}-clean`)]);
    const { client } = testClient();

    await client.lookup({ lookup, value: '1.2.3.4', params: lookupParams(lookup, appParams(overrides)) });

    expect(server.requests[0]!.path).toBe(`${BASE_PATH}/${lookup}?${query}`);
  });

  it.each<[LookupType, string, string]>([
    ['url', 'https://a.example/p q?x=1&y=2#top', 'url=https%3A%2F%2Fa.example%2Fp%20q%3Fx%3D1%26y%3D2%23top'],
    ['email', 'first.last+tag@example.com', 'email=first.last%2Btag%40example.com'],
    ['phone', '+44 20 7946 0958', 'phone=%2B44%2020%207946%200958'],
  ])('percent-encodes the %s value %j so IPQS receives it unchanged', async (lookup, value, encoded) => {
    const server = ipqsServer(lookup, [200, fixture(`${lookup}-clean`)]);
    const { client } = testClient();

    await client.lookup({ lookup, value, params: { strictness: '0' } });

    const sent = server.requests[0]!.path;
    expect(sent).toBe(`${BASE_PATH}/${lookup}?${encoded}&strictness=0`);
    expect(queryPairs(sent)).toStrictEqual([
      [lookup, value],
      ['strictness', '0'],
    ]);
  });

  it('never lets params carry the key or replace the value', async () => {
    const server = ipqsServer('ip', [200, fixture('ip-clean')]);
    const { client } = testClient();

    await client.lookup({
      lookup: 'ip',
      value: '8.8.8.8',
      params: { key: 'leak', ip: '6.6.6.6', fast: 'true' },
    });

    expect(server.requests[0]!.path).toBe('/api/json/ip?ip=8.8.8.8&fast=true');
  });

  it('uses a custom base URL, trailing slash or not', async () => {
    const seen: string[] = [];
    nock('http://ipqs.example.test')
      .get('/v1/json/email')
      .query(true)
      .reply(function (uri) {
        seen.push(uri);
        return [200, fixture('email-clean')];
      });
    const { client } = testClient({ baseUrl: 'http://ipqs.example.test/v1/json/' });

    await client.lookup({ lookup: 'email', value: 'a@example.com', params: {} });

    expect(seen).toStrictEqual(['/v1/json/email?email=a%40example.com']);
  });

  it('returns the validated answer with every field, Organization normalised', async () => {
    ipqsServer('ip', [200, fixture('ip-quirks')]);
    const { client } = testClient();

    const { data } = await client.lookup({ lookup: 'ip', value: '198.51.100.7', params: {} });

    expect(data).toStrictEqual({ ...fixture('ip-quirks'), organization: 'Example Hosting Ltd' });
  });

  it('logs one ipqs-request event per request at debug, without the key', async () => {
    ipqsServer('url', [200, fixture('url-clean')]);
    const { client, log } = testClient();

    await client.lookup({ lookup: 'url', value: 'https://google.com', params: {} });

    expect(log.events).toStrictEqual([
      {
        level: 'debug',
        event: 'ipqs-request',
        fields: {
          lookup: 'url',
          status: 200,
          ms: expect.any(Number),
          attempt: 1,
          request_id: '4uYZ4DbcNec3o8',
        },
      },
    ]);
    expect(JSON.stringify(log.events)).not.toContain(API_KEY);
  });

  it('gives up after timeoutMs when the lookup has no server-side timeout', async () => {
    nock(HOST).get('/api/json/ip').query(true).delay(500).reply(200, fixture('ip-clean'));
    const { client } = testClient({ timeoutMs: 10, maxRetries: 0 });

    const error = await client
      .lookup({ lookup: 'ip', value: '8.8.8.8', params: {} })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(IpqsTimeoutError);
    expect(error).toMatchObject({
      timeoutMs: 10,
      message: 'IPQS ip lookup failed: no response within 10 ms',
    });
  });

  it('waits longer than the IPQS server-side timeout (plus 5 s) when that is above timeoutMs', async () => {
    nock(HOST).get('/api/json/email').query(true).delay(50).reply(200, fixture('email-clean'));
    const { client } = testClient({ timeoutMs: 10, maxRetries: 0 });

    const result = await client.lookup({
      lookup: 'email',
      value: 'a@b.example',
      params: {},
      serverTimeoutSeconds: 0,
    });

    expect(result.attempts).toBe(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const server = ipqsServer('ip', [200, fixture('ip-clean')]);
    const { client } = testClient();

    const error = await client
      .lookup({ lookup: 'ip', value: '8.8.8.8', params: {}, signal: AbortSignal.abort() })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(IpqsAbortedError);
    expect(server.requests).toHaveLength(0);
    nock.cleanAll();
  });

  it('sends nothing after close()', async () => {
    const { client } = testClient();
    client.close();

    await expect(client.lookup({ lookup: 'ip', value: '8.8.8.8', params: {} })).rejects.toThrow(
      new IpqsAbortedError('client closed', { lookup: 'ip' }),
    );
  });

  it('refuses an empty API key', () => {
    expect(() => createIpqsClient({ apiKey: ' ' })).toThrow(AppError);
  });
});

describe('IpqsClient through an HTTP proxy', () => {
  let proxy: http.Server;
  const seen: { url?: string; headers?: http.IncomingHttpHeaders } = {};

  beforeAll(async () => {
    // a forward proxy receives the absolute URL on the request line
    proxy = http.createServer((req, res) => {
      seen.url = req.url;
      seen.headers = req.headers;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(fixture('ip-clean')));
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => proxy.close(resolve));
  });

  it('sends the request through the proxy with its credentials', async () => {
    const { port } = proxy.address() as AddressInfo;

    const { stdout } = await execFileAsync(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        PROXY_LOOKUP,
        String(port),
        'http://ipqs.example.test/api/json',
      ],
      { env: { ...process.env, IPQS_TEST_KEY: API_KEY } },
    );

    expect(JSON.parse(stdout)).toMatchObject({ lookup: 'ip', data: { fraud_score: 0 }, attempts: 1 });
    expect(seen.url).toBe('http://ipqs.example.test/api/json/ip?ip=8.8.8.8&strictness=1');
    expect(seen.headers?.['proxy-authorization']).toBe(
      `Basic ${Buffer.from('proxy-user:proxy-pass').toString('base64')}`,
    );
    expect(seen.headers?.['ipqs-key']).toBe(API_KEY);
  });
});
