import { readFileSync } from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import nock from 'nock';
import {
  IpqsApiError,
  IpqsError,
  IpqsInsufficientCreditsError,
  IpqsInvalidInputError,
  IpqsInvalidKeyError,
  IpqsNetworkError,
  IpqsQuotaExceededError,
  IpqsRateLimitedError,
  IpqsResponseError,
  IpqsServerError,
  IpqsTimeoutError,
} from '../../src/ipqs/errors';
import { API_KEY, HOST, ipqsServer, testClient } from './ipqs-harness';

const ipClean = JSON.parse(
  readFileSync(path.resolve(__dirname, '../fixtures/ipqs/ip-clean.json'), 'utf8'),
) as Record<string, unknown>;
const failure = (message: string) => ({ success: false, message, request_id: 'fail0001' });
const MESSAGES = {
  invalidKey: 'Invalid or unauthorized key. Please check the API key and try again.',
  credits: 'You have insufficient credits to make this query.',
  quota: 'You have exceeded your request quota of 200 per day. Please upgrade to increase your quota.',
};

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

type ErrorClass = abstract new (...args: never[]) => IpqsError;
type Reply = [number, string | Record<string, unknown>, Record<string, string>?];

/** maxRetries is 2 in these tests: a retried failure costs 3 requests, any other 1. */
const RETRIED = 3;
const ONCE = 1;
const row = (label: string, reply: Reply, errorClass: ErrorClass, requests: number) => ({
  label,
  reply,
  errorClass,
  requests,
});

describe('IpqsClient error matrix', () => {
  it.each([
    row('success:false invalid key', [200, failure(MESSAGES.invalidKey)], IpqsInvalidKeyError, ONCE),
    row(
      'success:false insufficient credits',
      [200, failure(MESSAGES.credits)],
      IpqsInsufficientCreditsError,
      ONCE,
    ),
    row('success:false quota exceeded', [200, failure(MESSAGES.quota)], IpqsQuotaExceededError, ONCE),
    row(
      'success:false invalid IP',
      [200, failure('Invalid IPv4 address, IPv6 address or hostname.')],
      IpqsInvalidInputError,
      ONCE,
    ),
    row('success:false unknown message', [200, failure('Something unexpected.')], IpqsApiError, ONCE),
    row('HTTP 400', [400, failure('Bad request.')], IpqsApiError, ONCE),
    row('HTTP 401', [401, ''], IpqsInvalidKeyError, ONCE),
    row('HTTP 402', [402, ''], IpqsInsufficientCreditsError, ONCE),
    row('HTTP 403', [403, '<html><body>Forbidden</body></html>'], IpqsInvalidKeyError, ONCE),
    row('HTTP 404', [404, 'Not Found'], IpqsApiError, ONCE),
    row('HTTP 301 (not followed)', [301, '', { Location: 'https://elsewhere.example/' }], IpqsApiError, ONCE),
    row('HTTP 429', [429, 'Too Many Requests'], IpqsRateLimitedError, RETRIED),
    row('HTTP 500', [500, ''], IpqsServerError, RETRIED),
    row(
      'HTTP 502 with an HTML page',
      [502, '<html><h1>502 Bad Gateway</h1></html>'],
      IpqsServerError,
      RETRIED,
    ),
    row('HTTP 503', [503, failure('Service unavailable')], IpqsServerError, RETRIED),
    row('HTTP 509', [509, 'Bandwidth Limit Exceeded'], IpqsRateLimitedError, RETRIED),
    row(
      'an HTML body at 200',
      [200, '<!DOCTYPE html><html><body>Maintenance</body></html>'],
      IpqsResponseError,
      RETRIED,
    ),
    row('an empty body at 200', [200, ''], IpqsResponseError, RETRIED),
    row('truncated JSON at 200', [200, '{"success":true,"fraud_score":1'], IpqsResponseError, RETRIED),
    row('JSON without a score at 200', [200, { success: true, message: 'Success' }], IpqsResponseError, ONCE),
    row('a JSON array at 200', [200, '[]'], IpqsResponseError, ONCE),
  ])(
    'turns $label into $errorClass.name after $requests request(s)',
    async ({ reply, errorClass, requests }) => {
      const server = ipqsServer('ip', reply);
      const { client } = testClient();

      const error = await client
        .lookup({ lookup: 'ip', value: '8.8.8.8', params: {} })
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(errorClass);
      expect(server.requests).toHaveLength(requests);
      const { message } = error as IpqsError;
      expect(message).toMatch(/^IPQS ip lookup failed: [^\r\n]+$/);
      expect(message).not.toContain(API_KEY);
      expect(message).not.toMatch(/ipqualityscore\.com|8\.8\.8\.8/);
    },
  );

  it('succeeds on HTTP 200 with success:true after one request', async () => {
    const server = ipqsServer('ip', [200, ipClean]);
    const { client, sleeps } = testClient();

    await expect(client.lookup({ lookup: 'ip', value: '8.8.8.8', params: {} })).resolves.toMatchObject({
      attempts: 1,
    });
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toStrictEqual([]);
  });

  // Real loopback sockets, not nock's replyWithError: under jest every test file adds its own nock
  // interceptor layer to the shared http module, and the layers emit a replyWithError error twice.
  it('retries a connection reset and then fails with IpqsNetworkError ECONNRESET', async () => {
    let connections = 0;
    const server = net.createServer((socket) => {
      connections += 1;
      socket.resetAndDestroy();
    });
    const port = await listen(server);
    const { client } = testClient({ baseUrl: `http://127.0.0.1:${port}/api/json` });

    const error = await client
      .lookup({ lookup: 'ip', value: '8.8.8.8', params: {} })
      .catch((e: unknown) => e);
    client.close();
    await new Promise((resolve) => server.close(resolve));

    expect(error).toBeInstanceOf(IpqsNetworkError);
    expect(error).toMatchObject({
      code: 'ECONNRESET',
      message: 'IPQS ip lookup failed: network error (ECONNRESET)',
    });
    expect(connections).toBe(RETRIED);
  });

  it('retries a refused connection and then fails with IpqsNetworkError ECONNREFUSED', async () => {
    const server = net.createServer();
    const port = await listen(server);
    await new Promise((resolve) => server.close(resolve));
    const { client, log, sleeps } = testClient({ baseUrl: `http://127.0.0.1:${port}/api/json` });

    const error = await client
      .lookup({ lookup: 'ip', value: '8.8.8.8', params: {} })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(IpqsNetworkError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
    expect(log.events.filter((e) => e.event === 'ipqs-request')).toHaveLength(RETRIED);
    expect(sleeps).toHaveLength(RETRIED - 1);
  });

  it('retries a timeout and then fails with IpqsTimeoutError', async () => {
    let requests = 0;
    nock(HOST)
      .get('/api/json/ip')
      .query(true)
      .times(2)
      .delay(500)
      .reply(() => {
        requests += 1;
        return [200, ipClean];
      });
    const { client } = testClient({ timeoutMs: 10, maxRetries: 1 });

    const error = await client
      .lookup({ lookup: 'ip', value: '8.8.8.8', params: {} })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(IpqsTimeoutError);
    expect(requests).toBe(2);
  });

  it('recovers when a retry succeeds, and reports how many attempts it took', async () => {
    const server = ipqsServer('ip', [503, ''], [200, ipClean]);
    const { client, log } = testClient();

    const result = await client.lookup({ lookup: 'ip', value: '8.8.8.8', params: {} });

    expect(result.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
    expect(log.events.map((e) => [e.level, e.event, e.fields.attempt, e.fields.error])).toStrictEqual([
      ['debug', 'ipqs-request', 1, 'IpqsServerError'],
      ['info', 'ipqs-retry', 1, 'IpqsServerError'],
      ['debug', 'ipqs-request', 2, undefined],
    ]);
  });
});

describe('IpqsClient retry timing', () => {
  const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

  it.each<[string, Reply, number[]]>([
    ['Retry-After seconds on 429', [429, '', { 'Retry-After': '7' }], [7000, 7000]],
    [
      'Retry-After as an HTTP date on 429',
      [429, '', { 'Retry-After': new Date(NOW + 30_000).toUTCString() }],
      [30_000, 30_000],
    ],
    ['Retry-After on 509', [509, '', { 'Retry-After': '2' }], [2000, 2000]],
    ['Retry-After on 503', [503, '', { 'Retry-After': '1' }], [1000, 1000]],
    ['a Retry-After of an hour, capped at 60 s', [429, '', { 'Retry-After': '3600' }], [60_000, 60_000]],
    ['no Retry-After: full-jitter backoff (random 0.5)', [429, ''], [125, 250]],
  ])('waits per %s', async (_label, reply, waits) => {
    ipqsServer('ip', reply);
    const { client, sleeps } = testClient({ now: () => NOW });

    await expect(client.lookup({ lookup: 'ip', value: '8.8.8.8', params: {} })).rejects.toBeInstanceOf(
      IpqsError,
    );

    expect(sleeps).toStrictEqual(waits);
  });

  it('never sleeps for errors it does not retry', async () => {
    ipqsServer('ip', [200, failure('Invalid IPv4 address, IPv6 address or hostname.')]);
    const { client, sleeps } = testClient();

    await expect(client.lookup({ lookup: 'ip', value: 'x', params: {} })).rejects.toBeInstanceOf(
      IpqsInvalidInputError,
    );
    expect(sleeps).toStrictEqual([]);
  });
});

describe('IpqsClient after a fatal error', () => {
  it.each<[string, Reply, ErrorClass]>([
    ['invalid key', [200, failure(MESSAGES.invalidKey)], IpqsInvalidKeyError],
    ['insufficient credits', [402, ''], IpqsInsufficientCreditsError],
    ['quota exceeded', [200, failure(MESSAGES.quota)], IpqsQuotaExceededError],
  ])('sends no further request once IPQS reported %s', async (_label, reply, errorClass) => {
    const ipServer = ipqsServer('ip', reply);
    const emailServer = ipqsServer('email', [200, ipClean]);
    const { client } = testClient();
    const first = await client
      .lookup({ lookup: 'ip', value: '8.8.8.8', params: {} })
      .catch((e: unknown) => e);

    const second = await client
      .lookup({ lookup: 'ip', value: '1.1.1.1', params: {} })
      .catch((e: unknown) => e);
    const third = await client
      .lookup({ lookup: 'email', value: 'a@b.example', params: {} })
      .catch((e: unknown) => e);

    expect(first).toBeInstanceOf(errorClass);
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(ipServer.requests).toHaveLength(1);
    expect(emailServer.requests).toHaveLength(0);
    nock.cleanAll();
  });

  it('stops a lookup waiting to retry when another lookup hits a fatal error', async () => {
    const ipServer = ipqsServer('ip', [503, '']);
    const emailServer = ipqsServer('email', [200, failure(MESSAGES.credits)]);
    let release: () => void = () => undefined;
    let nowAsleep: () => void = () => undefined;
    const asleep = new Promise<void>((resolve) => (nowAsleep = resolve));
    const { client } = testClient({
      maxRetries: 5,
      sleep: () => {
        nowAsleep();
        return new Promise<void>((resolve) => (release = resolve));
      },
    });

    const waiting = client.lookup({ lookup: 'ip', value: '8.8.8.8', params: {} }).catch((e: unknown) => e);
    await asleep;
    const fatal = await client
      .lookup({ lookup: 'email', value: 'a@b.example', params: {} })
      .catch((e: unknown) => e);
    release();

    expect(fatal).toBeInstanceOf(IpqsInsufficientCreditsError);
    await expect(waiting).resolves.toBe(fatal);
    expect(ipServer.requests).toHaveLength(1);
    expect(emailServer.requests).toHaveLength(1);
  });
});
