// The IPQS client against answers that go wrong on the wire, served by a real loopback server: a body
// trickling in past the deadline, a body cut off by a closed connection, a body far too large for an
// IPQS answer, and a lookup cancelled while it waits.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  IpqsAbortedError,
  IpqsNetworkError,
  IpqsResponseError,
  IpqsTimeoutError,
} from '../../src/ipqs/errors';
import { testClient } from './ipqs-harness';

interface Loopback {
  readonly baseUrl: string;
  /** Requests received so far. */
  readonly requests: () => number;
  close(): Promise<void>;
}

const servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A loopback IPQS whose every answer `handle` writes (or never finishes). */
async function loopback(handle: (res: http.ServerResponse) => void): Promise<Loopback> {
  let count = 0;
  const server = http.createServer((_req, res) => {
    count += 1;
    handle(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const result = {
    baseUrl: `http://127.0.0.1:${port}/api/json`,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(result);
  return result;
}

/** Headers at once, then one byte of a long JSON body every 20 ms: never idle, never finished in time. */
function trickle(res: http.ServerResponse): void {
  const body = `{"success":true,"fraud_score":0,"padding":"${'x'.repeat(10_000)}"}`;
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  let sent = 0;
  const interval = setInterval(() => {
    if (res.destroyed || sent >= body.length) return clearInterval(interval);
    res.write(body[sent]);
    sent += 1;
  }, 20);
  res.on('close', () => clearInterval(interval));
}

const lookup = { lookup: 'ip', value: '8.8.8.8', params: {} } as const;

describe('IpqsClient on the wire', () => {
  it('gives up on a body that trickles in past timeoutMs, though the socket is never idle', async () => {
    const server = await loopback(trickle);
    const { client } = testClient({ baseUrl: server.baseUrl, timeoutMs: 300, maxRetries: 1 });

    const error = await client.lookup(lookup).catch((e: unknown) => e);
    client.close();

    expect(error).toBeInstanceOf(IpqsTimeoutError);
    expect(error).toMatchObject({ message: 'IPQS ip lookup failed: no response within 300 ms' });
    expect(server.requests()).toBe(2);
  });

  it('retries a body cut off by a closed connection and then names what happened', async () => {
    const server = await loopback((res) => {
      const body = '{"success":true,"fraud_score":0,"request_id":"abcdefghij"}';
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      res.write(body.slice(0, 20), () => res.socket?.destroy());
    });
    const { client } = testClient({ baseUrl: server.baseUrl });

    const error = await client.lookup(lookup).catch((e: unknown) => e);
    client.close();

    expect(error).toBeInstanceOf(IpqsNetworkError);
    expect(error).toMatchObject({
      code: 'ECONNRESET',
      message: 'IPQS ip lookup failed: network error (connection closed before the answer was complete)',
    });
    expect(server.requests()).toBe(3);
  });

  it('refuses a body over 1 MiB without retrying', async () => {
    const server = await loopback((res) => {
      const body = `{"success":true,"fraud_score":0,"padding":"${'x'.repeat(2 * 1024 * 1024)}"}`;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
    const { client } = testClient({ baseUrl: server.baseUrl });

    const error = await client.lookup(lookup).catch((e: unknown) => e);
    client.close();

    expect(error).toBeInstanceOf(IpqsResponseError);
    expect(error).toMatchObject({ message: 'IPQS ip lookup failed: response larger than 1 MiB' });
    expect(server.requests()).toBe(1);
  });

  it('reports a lookup cancelled while it waits as cancelled, not timed out, and does not retry it', async () => {
    const cancel = new AbortController();
    const server = await loopback(() => cancel.abort());
    const { client } = testClient({ baseUrl: server.baseUrl, timeoutMs: 60_000 });

    const error = await client.lookup({ ...lookup, signal: cancel.signal }).catch((e: unknown) => e);
    client.close();

    expect(error).toBeInstanceOf(IpqsAbortedError);
    expect(error).toMatchObject({ message: 'IPQS ip lookup failed: lookup cancelled' });
    expect(server.requests()).toBe(1);
  });

  it('lets an error of its own code through as it is, after one request and without a retry', async () => {
    const server = await loopback((res) => {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end('{"success":false,"message":"busy"}');
    });
    const broken = new TypeError('clock is broken');
    // the clock is read while the 503 is classified, inside the request's own error handling
    const { client, sleeps } = testClient({
      baseUrl: server.baseUrl,
      maxRetries: 3,
      now: () => {
        throw broken;
      },
    });

    await expect(client.lookup(lookup)).rejects.toBe(broken);
    client.close();
    expect(server.requests()).toBe(1);
    expect(sleeps).toEqual([]);
  });
});
