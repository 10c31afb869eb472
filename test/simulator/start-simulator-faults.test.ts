// The simulator's slow, broken and flaky answers over real HTTP: bodies that lie about being JSON,
// requests left hanging (and ended by close()), a body that trickles in, a late answer, and values that
// fail only their first request.
import { startSimulator } from '../../src/simulator/start-simulator';
import type { Simulator } from '../../src/simulator/start-simulator';
import { TRUNCATED_BODY } from '../../src/simulator/responses/failure-answer';
import { simulatorResponse } from '../../src/simulator/simulator-response';
import { request } from './http';

const withKey = { headers: { 'IPQS-KEY': 'test-key' } };

let simulator: Simulator;
beforeEach(async () => {
  simulator = await startSimulator();
});
afterEach(() => simulator.close());

const ipUrl = (value: string): string => `${simulator.url}/ip?ip=${encodeURIComponent(value)}`;
const origin = (): string => simulator.url.replace(/\/api\/json$/, '');

/** Resolves once the simulator's stats satisfy `ready` (each check waits for the event loop to turn). */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((resolve) => setImmediate(resolve));
}

const arrived = (count: number) => () => simulator.stats().requests.total >= count;

describe('bodies that are not what they claim', () => {
  it.each([
    ['truncated.example', 'application/json', TRUNCATED_BODY],
    ['192.0.2.12', 'application/json', TRUNCATED_BODY],
    ['empty.example', 'application/json', ''],
    ['192.0.2.13', 'application/json', ''],
  ])(
    'answers %s with 200, %s and exactly the bytes its Content-Length promises',
    async (value, type, body) => {
      const reply = await request(ipUrl(value), withKey);
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toBe(type);
      expect(reply.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
      expect(reply.text).toBe(body);
    },
  );

  it('answers html-200.example with a 200 HTML maintenance page', async () => {
    const reply = await request(ipUrl('www.html-200.example'), withKey);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/html');
    expect(reply.text).toContain('<title>Scheduled Maintenance</title>');
  });
});

describe('answers that never come', () => {
  it('leaves a timeout.example request hanging and counts it as hang once the client gives up', async () => {
    const client = new AbortController();
    const pending = fetch(ipUrl('timeout.example'), { ...withKey, signal: client.signal });
    await until(arrived(1));
    client.abort();
    await expect(pending).rejects.toThrow();
    await until(() => simulator.stats().requests.byStatus.hang === 1);
    expect(simulator.stats().requests).toMatchObject({ byStatus: { hang: 1 }, byFailure: { timeout: 1 } });
  });

  it('ends a hanging request when it closes, and closes', async () => {
    const pending = fetch(ipUrl('192.0.2.11'), withKey);
    await until(arrived(1));
    await simulator.close();
    await expect(pending).rejects.toThrow();
  });

  it('sends slow-body.example its headers and the full Content-Length, then ends the trickle on close', async () => {
    const response = await fetch(ipUrl('slow-body.example'), withKey);
    const expected = simulatorResponse('ip', 'slow-body.example');
    if (expected.kind !== 'trickle') throw new Error(`expected a trickle, got ${expected.kind}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(expected.body)));
    const body = response.text();
    await simulator.close();
    await expect(body).rejects.toThrow();
  });

  it('answers slow.example with its ordinary answer, but only after a client waiting 1 s gave up', async () => {
    const impatient = fetch(ipUrl('slow.example'), { ...withKey, signal: AbortSignal.timeout(1000) });
    await expect(impatient).rejects.toThrow();
    const reply = await request(ipUrl('slow.example'), withKey);
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({
      success: true,
      host: 'slow.example',
      fraud_score: expect.any(Number),
    });
  });
});

describe('flaky values', () => {
  it('fails the first request for each flaky-500 value, answers every later one, and starts over after /__reset', async () => {
    const statuses = async (...values: string[]): Promise<number[]> => {
      const replies = [];
      for (const value of values) replies.push((await request(ipUrl(value), withKey)).status);
      return replies;
    };
    expect(await statuses('flaky-500.example', 'flaky-500.example', 'flaky-500.example')).toEqual([
      500, 200, 200,
    ]);
    // another value of the same class has a first request of its own
    expect(await statuses('192.0.2.20', '192.0.2.20')).toEqual([500, 200]);
    expect(simulator.stats().requests.byFailure).toEqual({ 'flaky-500': 5 });
    await request(`${origin()}/__reset`, { method: 'POST' });
    expect(await statuses('flaky-500.example')).toEqual([500]);
    simulator.resetStats();
    expect(await statuses('flaky-500.example')).toEqual([500]);
  });

  it('leaves the first flaky-timeout request hanging and answers the retry', async () => {
    const client = new AbortController();
    const first = fetch(ipUrl('flaky-timeout.example'), { ...withKey, signal: client.signal });
    await until(arrived(1));
    client.abort();
    await expect(first).rejects.toThrow();
    const retry = await request(ipUrl('flaky-timeout.example'), withKey);
    expect(retry.status).toBe(200);
    expect(retry.json).toMatchObject({ success: true, host: 'flaky-timeout.example' });
  });
});
