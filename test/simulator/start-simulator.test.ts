import type { LookupType } from '../../src/ipqs/fields';
import { startSimulator } from '../../src/simulator/start-simulator';
import type { Simulator } from '../../src/simulator/start-simulator';
import { SimulatorError } from '../../src/simulator/simulator-options';
import { ACCOUNT_MESSAGES, INVALID_INPUT_MESSAGES } from '../../src/simulator/responses/failure-answer';
import { simulatorResponse } from '../../src/simulator/simulator-response';
import { jsonBody } from './answers';
import { rawExchange, request } from './http';

const KEY = 'test-key';
const VALUES: Readonly<Record<LookupType, string>> = {
  ip: '198.51.100.85',
  email: 'score-88@example.com',
  url: 'https://risk-80.example/a?b=c&d=/e',
  phone: '+1 800 555 0042',
};

type Send = (base: string, type: LookupType, value: string) => Promise<Response>;

const form = (fields: Record<string, string>): URLSearchParams => new URLSearchParams(fields);
const PLACEMENTS: readonly (readonly [string, Send])[] = [
  ['the key and value in the path, GET', (b, t, v) => fetch(`${b}/${t}/${KEY}/${encodeURIComponent(v)}`)],
  [
    'the key and value in the path, POST',
    (b, t, v) => fetch(`${b}/${t}/${KEY}/${encodeURIComponent(v)}`, { method: 'POST' }),
  ],
  [
    'the key and value in the query, GET',
    (b, t, v) => fetch(`${b}/${t}?${form({ key: KEY, [t]: v }).toString()}`),
  ],
  [
    'the key and value as form fields, POST',
    (b, t, v) => fetch(`${b}/${t}`, { method: 'POST', body: form({ key: KEY, [t]: v }) }),
  ],
  [
    'the IPQS-KEY header with the value in the query, GET',
    (b, t, v) => fetch(`${b}/${t}?${form({ [t]: v }).toString()}`, { headers: { 'IPQS-KEY': KEY } }),
  ],
  [
    'the IPQS-KEY header with the value as a form field, POST',
    (b, t, v) => fetch(`${b}/${t}`, { method: 'POST', headers: { 'IPQS-KEY': KEY }, body: form({ [t]: v }) }),
  ],
];

const CASES = PLACEMENTS.flatMap(([how, send]) =>
  (['ip', 'email', 'url', 'phone'] as const).map((type) => [type, how, send] as const),
);

describe('startSimulator', () => {
  let simulator: Simulator;
  const origin = (): string => simulator.url.replace(/\/api\/json$/, '');
  const withKey = { headers: { 'IPQS-KEY': KEY } };

  beforeAll(async () => {
    simulator = await startSimulator({ acceptKeys: (key) => key !== 'revoked' });
  });

  afterAll(() => simulator.close());

  beforeEach(() => simulator.resetStats());

  it('serves the IPQS base URL on a free loopback port', () => {
    expect(simulator.url).toBe(`http://127.0.0.1:${simulator.port}/api/json`);
    expect(simulator.port).toBeGreaterThan(0);
  });

  it.each(CASES)('answers a %s lookup sent with %s', async (type, _how, send) => {
    const response = await send(simulator.url, type, VALUES[type]);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(jsonBody(simulatorResponse(type, VALUES[type])));
  });

  it('reads a URL value left unencoded in the path', async () => {
    const reply = await request(`${simulator.url}/url/${KEY}/https://risk-70.example/login/now`);
    expect(reply.json).toMatchObject({
      success: true,
      risk_score: 70,
      scanned_url: 'https://risk-70.example/login/now',
    });
  });

  it('reads a national phone number with the country[] parameters', async () => {
    const reply = await request(`${simulator.url}/phone?phone=8005550077&country[]=US&country[]=CA`, withKey);
    expect(reply.json).toMatchObject({ success: true, fraud_score: 77, formatted: '+18005550077' });
  });

  it.each([
    ['no key at all', `/ip?ip=8.8.8.8`, {}],
    ['an empty key header', `/ip?ip=8.8.8.8`, { headers: { 'IPQS-KEY': '' } }],
    ['a key acceptKeys refuses', `/ip?ip=8.8.8.8`, { headers: { 'IPQS-KEY': 'revoked' } }],
    ['the invalid-key key', `/ip/invalid-key/8.8.8.8`, {}],
  ])('answers the real invalid-key body to %s', async (_what, path, init) => {
    const reply = await request(`${simulator.url}${path}`, init);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      success: false,
      message: 'Invalid or unauthorized key. Please check the API key and try again.',
      request_id: expect.stringMatching(/^[A-Za-z]{10}$/),
    });
  });

  it.each([
    ['no-credits', ACCOUNT_MESSAGES['no-credits']],
    ['over-quota', ACCOUNT_MESSAGES['over-quota']],
  ])('answers the %s key with its account failure', async (key, message) => {
    const reply = await request(`${simulator.url}/email?email=someone%40gmail.com`, {
      headers: { 'IPQS-KEY': key },
    });
    expect(reply).toMatchObject({ status: 200, json: { success: false, message } });
  });

  it.each([
    ['a missing value', '/ip', INVALID_INPUT_MESSAGES.ip],
    ['a badly encoded value', `/ip/${KEY}/%E0%A4%A`, INVALID_INPUT_MESSAGES.ip],
    ['a value IPQS rejects', '/phone?phone=call%20me', INVALID_INPUT_MESSAGES.phone],
  ])('answers invalid input to %s', async (_what, path, message) => {
    const reply = await request(`${simulator.url}${path}`, withKey);
    expect(reply).toMatchObject({ status: 200, json: { success: false, message } });
  });

  it('answers the rate-limit magic value 429 with Retry-After: 1', async () => {
    const reply = await request(`${simulator.url}/url?url=ratelimit.example`, withKey);
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBe('1');
    expect(reply.json).toMatchObject({ success: false });
  });

  it.each([
    ['192.0.2.6', 509, 'application/json'],
    ['192.0.2.7', 500, 'application/json'],
    ['192.0.2.8', 502, 'text/html'],
    ['192.0.2.9', 503, 'text/html'],
  ])('answers the failure IP %s with HTTP %i (%s)', async (ip, status, type) => {
    const reply = await request(`${simulator.url}/ip?ip=${ip}`, withKey);
    expect(reply.status).toBe(status);
    expect(reply.headers.get('content-type')).toBe(type);
  });

  it('destroys the connection halfway through the body for the reset magic value', async () => {
    await expect(request(`${simulator.url}/ip?ip=reset.example`, withKey)).rejects.toThrow();
    expect(simulator.stats().requests.byStatus).toEqual({ reset: 1 });
  });

  it.each([
    ['an unknown path', 'GET', '/nowhere', 404],
    ['an unknown lookup', 'GET', '/api/json/leaked?email=a%40b.example', 404],
    ['another method', 'PUT', '/api/json/ip?ip=8.8.8.8', 405],
  ])('answers %s with JSON and the status %i', async (_what, method, path, status) => {
    const reply = await request(`${origin()}${path}`, { method, ...withKey });
    expect(reply.status).toBe(status);
    expect(reply.json).toMatchObject({ success: false, message: expect.any(String) });
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const body = `ip=8.8.8.8&pad=${'x'.repeat(1024 * 1024)}`;
    const headers = { 'IPQS-KEY': KEY, 'content-type': 'application/x-www-form-urlencoded' };
    const reply = await request(`${simulator.url}/ip`, { method: 'POST', body, headers });
    expect(reply.status).toBe(413);
  });

  it('answers garbage with 400 and keeps serving', async () => {
    const garbage = await rawExchange(simulator.port, 'NOT HTTP AT ALL\r\n\r\n', (text) =>
      text.includes('\r\n\r\n'),
    );
    expect(garbage).toMatch(/^HTTP\/1\.1 400/);
    expect((await request(`${simulator.url}/ip?ip=8.8.8.8`, withKey)).status).toBe(200);
  });

  it('keeps the connection open for further requests', async () => {
    const get = `GET /api/json/ip/${KEY}/8.8.8.8 HTTP/1.1\r\nHost: localhost\r\n\r\n`;
    const received = await rawExchange(
      simulator.port,
      get + get,
      (text) => text.split('HTTP/1.1 200').length === 3,
    );
    expect(received.split('HTTP/1.1 200 OK').length).toBe(3);
    expect(received).toMatch(/connection: keep-alive/i);
  });

  it('counts requests per endpoint and per status at /__stats, without counting itself', async () => {
    await request(`${simulator.url}/ip?ip=8.8.8.8`, withKey);
    await request(`${simulator.url}/ip?ip=192.0.2.5`, withKey);
    await request(`${simulator.url}/phone/${KEY}/18005550042`);
    await request(`${origin()}/nowhere`);
    const expected = {
      requests: {
        total: 4,
        byEndpoint: { ip: 2, email: 0, url: 0, phone: 1 },
        byStatus: { '200': 2, '404': 1, '429': 1 },
        byFailure: { 'rate-limit': 1 },
      },
      peakPerSecond: expect.any(Number),
    };
    expect((await request(`${origin()}/__stats`)).json).toEqual(expected);
    expect(simulator.stats()).toEqual(expected);
  });

  it('resets the stats on POST /__reset', async () => {
    await request(`${simulator.url}/email?email=a%40b.example`, withKey);
    const reply = await request(`${origin()}/__reset`, { method: 'POST' });
    expect(reply.status).toBe(200);
    expect(simulator.stats()).toEqual({
      requests: { total: 0, byEndpoint: { ip: 0, email: 0, url: 0, phone: 0 }, byStatus: {}, byFailure: {} },
      peakPerSecond: 0,
    });
  });
});

describe('startSimulator options', () => {
  it.each([
    [{ failRate: 1.5 }, /^simulator option failRate: /],
    [{ port: -1 }, /^simulator option port: /],
    [{ latencyMs: -5 }, /^simulator option latencyMs: /],
  ])('refuses %j with a SimulatorError naming the option', async (options, message) => {
    const start = startSimulator(options);
    await expect(start).rejects.toThrow(SimulatorError);
    await expect(start).rejects.toThrow(message);
  });

  it('refuses a port already in use with a SimulatorError', async () => {
    const first = await startSimulator();
    try {
      await expect(startSimulator({ port: first.port })).rejects.toThrow(
        /^simulator cannot listen on 127\.0\.0\.1:/,
      );
    } finally {
      await first.close();
    }
  });

  it('can be closed twice', async () => {
    const simulator = await startSimulator();
    await simulator.close();
    await expect(simulator.close()).resolves.toBeUndefined();
  });
});
