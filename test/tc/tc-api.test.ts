import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import nock from 'nock';
import { TcApiError } from '../../src/errors';
import { createTcApiClient } from '../../src/tc/tc-api';

const API = 'https://tc.example.test/api';
const TOKEN = 'APIV2:123:456:token-value-abcdef';
const ACCESS_ID = '12345678901234567890';
const SECRET_KEY = 'secret-key-aaaaaaaaaaaaaaaaaaaaaa';

/** Captures the headers and path of the one request an interceptor answers. */
function capture(): { headers: http.IncomingHttpHeaders; path: string } {
  return { headers: {}, path: '' };
}

describe('createTcApiClient authentication', () => {
  it('sends the token as "TC-Token <token>" with a unix-seconds Timestamp', async () => {
    const seen = capture();
    nock('https://tc.example.test')
      .get('/api/v3/indicators')
      .reply(function () {
        seen.headers = this.req.headers;
        return [200, { status: 'Success' }];
      });
    const before = Math.floor(Date.now() / 1000);

    await createTcApiClient({ apiPath: API, token: TOKEN }).get('/v3/indicators');

    expect(seen.headers.authorization).toBe(`TC-Token ${TOKEN}`);
    expect(Number(seen.headers.timestamp)).toBeGreaterThanOrEqual(before);
    expect(Number(seen.headers.timestamp)).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it.each<[string, string, Record<string, string> | undefined]>([
    ['a query in the url', '/v2/indicators/hosts/example.com?Owner=Common%20Community', undefined],
    ['axios params', '/v2/indicators/hosts/example.com', { Owner: 'Common Community', resultLimit: '5' }],
  ])(
    'signs HMAC requests over the full path (with /api and %s), method and timestamp',
    async (_label, url, params) => {
      const seen = capture();
      nock('https://tc.example.test')
        .get(/\/api\/v2\/indicators\/hosts\/example\.com\?.*/)
        .reply(function (uri) {
          seen.headers = this.req.headers;
          seen.path = uri;
          return [200, {}];
        });

      await createTcApiClient({ apiPath: API, accessId: ACCESS_ID, secretKey: SECRET_KEY }).get(url, {
        params,
      });

      const timestamp = String(seen.headers.timestamp);
      expect(seen.path).toMatch(/^\/api\/v2\/indicators\/hosts\/example\.com\?Owner=Common(%20|\+)Community/);
      const expected = createHmac('sha256', SECRET_KEY)
        .update(`${seen.path}:GET:${timestamp}`)
        .digest('base64');
      expect(seen.headers.authorization).toBe(`TC ${ACCESS_ID}:${expected}`);
    },
  );

  it('signs a PUT with the PUT method', async () => {
    const seen = capture();
    nock('https://tc.example.test')
      .put('/api/v3/indicators/1.1.1.1')
      .reply(function () {
        seen.headers = this.req.headers;
        return [200, {}];
      });

    await createTcApiClient({ apiPath: `${API}/`, accessId: ACCESS_ID, secretKey: SECRET_KEY }).put(
      '/v3/indicators/1.1.1.1',
      { tags: { data: [] } },
    );

    const message = `/api/v3/indicators/1.1.1.1:PUT:${String(seen.headers.timestamp)}`;
    const expected = createHmac('sha256', SECRET_KEY).update(message).digest('base64');
    expect(seen.headers.authorization).toBe(`TC ${ACCESS_ID}:${expected}`);
  });

  it('refuses to send a request without credentials (TcApiError, nothing sent)', async () => {
    const scope = nock('https://tc.example.test').get('/api/v3/indicators').reply(200, {});

    const request = createTcApiClient({ apiPath: API }).get('/v3/indicators');

    await expect(request).rejects.toThrow(TcApiError);
    await expect(request).rejects.toThrow(
      'TC API GET /v3/indicators not sent: no credentials (tc_token or tc_api_access_id + tc_api_secret_key)',
    );
    expect(scope.isDone()).toBe(false);
    nock.cleanAll();
  });
});

describe('createTcApiClient errors', () => {
  it('turns an HTTP error into a TcApiError naming method, path and status, with no header anywhere', async () => {
    nock('https://tc.example.test')
      .get('/api/internal/variable/runtime/TC/x')
      .reply(404, { message: 'nope' });

    const error: unknown = await createTcApiClient({ apiPath: API, token: TOKEN })
      .get('/internal/variable/runtime/TC/x')
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TcApiError);
    expect((error as TcApiError).message).toBe('TC API GET /internal/variable/runtime/TC/x failed: HTTP 404');
    expect((error as TcApiError).status).toBe(404);
    expect(inspect(error, { depth: 20 })).not.toContain('token-value');
  });

  it('leaves the query (which may hold a token) out of the message', async () => {
    nock('https://tc.example.test').get('/api/appAuth').query(true).reply(401);

    const request = createTcApiClient({ apiPath: API, token: TOKEN }).get(
      `/appAuth?expiredToken=${encodeURIComponent(TOKEN)}`,
    );

    await expect(request).rejects.toThrow('TC API GET /appAuth failed: HTTP 401');
  });

  it('names the network error code when there is no response', async () => {
    const port = await closedPort();

    const error: unknown = await createTcApiClient({
      apiPath: `http://127.0.0.1:${port}/api`,
      secretKey: SECRET_KEY,
      accessId: ACCESS_ID,
    })
      .get('/v3/x')
      .catch((e: unknown) => e);

    expect((error as TcApiError).message).toBe('TC API GET /v3/x failed: ECONNREFUSED');
    expect(inspect(error, { depth: 20 })).not.toContain(ACCESS_ID);
  });
});

// A throwaway self-signed certificate for 127.0.0.1 (valid 2020-2120), used only by this test.
const SELF_SIGNED_CERT = `-----BEGIN CERTIFICATE-----
MIIBZzCCAQ2gAwIBAgIBATAKBggqhkjOPQQDAjAUMRIwEAYDVQQDDAlsb2NhbGhv
c3QwIBcNMjAwMTAxMDAwMDAwWhgPMjEyMDAxMDEwMDAwMDBaMBQxEjAQBgNVBAMM
CWxvY2FsaG9zdDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABNA8Ez3ZUUuWxKPL
o3GRuVp098CoQLFw7L2cK1sMEnox0y4c5eorSxsdBJISFYFVtoFUJTS1dbs+uhoW
SBFlw9OjTjBMMBoGA1UdEQQTMBGHBH8AAAGCCWxvY2FsaG9zdDAPBgNVHRMBAf8E
BTADAQH/MB0GA1UdDgQWBBS0OcwfJ9kxj7OS/ZEkRDc+11hj+jAKBggqhkjOPQQD
AgNIADBFAiAD+hX/PiM6TghQBOKQ/GXgO08cw7T4MJN+J/kvJqHOywIhANAdARGG
IJSIHIbjYcGV9fanU2BXcANVCHbxmvRtWjvW
-----END CERTIFICATE-----`;
const SELF_SIGNED_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg2+LnNyb/Jy36KF33
24WVwqvpIhVEiz8t7zU5MqPn9qChRANCAATQPBM92VFLlsSjy6NxkbladPfAqECx
cOy9nCtbDBJ6MdMuHOXqK0sbHQSSEhWBVbaBVCU0tXW7ProaFkgRZcPT
-----END PRIVATE KEY-----`;

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  const port = await listen(server);
  await close(server);
  return port;
}

async function listen(server: http.Server | https.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function close(server: http.Server | https.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

describe('createTcApiClient transport', () => {
  let server: https.Server;
  let port: number;

  beforeAll(async () => {
    server = https.createServer({ cert: SELF_SIGNED_CERT, key: SELF_SIGNED_KEY }, (_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end('{"ok": true}');
    });
    port = await listen(server);
  });

  afterAll(() => close(server));

  it('accepts a self-signed certificate when tc_verify is false', async () => {
    const client = createTcApiClient({
      apiPath: `https://127.0.0.1:${port}/api`,
      token: TOKEN,
      verify: false,
    });

    await expect(client.get('/v3/x')).resolves.toMatchObject({ data: { ok: true } });
  });

  it('rejects a self-signed certificate by default', async () => {
    const client = createTcApiClient({ apiPath: `https://127.0.0.1:${port}/api`, token: TOKEN });

    await expect(client.get('/v3/x')).rejects.toThrow('TC API GET /v3/x failed: DEPTH_ZERO_SELF_SIGNED_CERT');
  });

  // nock's interceptor cannot parse proxy-style requests (absolute URL as the path), so the proxy is
  // checked on the client's configuration rather than through a proxy server.
  it('routes requests through the given proxy with its credentials', () => {
    const client = createTcApiClient({
      apiPath: 'https://tc.internal.test/api',
      token: TOKEN,
      proxy: { host: '10.0.0.5', port: 3128, username: 'proxy-user', password: 'proxy-pass' },
    });

    expect(client.defaults.proxy).toEqual({
      protocol: 'http',
      host: '10.0.0.5',
      port: 3128,
      auth: { username: 'proxy-user', password: 'proxy-pass' },
    });
  });
});
