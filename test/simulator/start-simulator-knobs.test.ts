// The simulator's load knobs over real HTTP: rate limit, peak rate, latency, failures, concurrency.
import { startSimulator } from '../../src/simulator/start-simulator';
import type { Simulator } from '../../src/simulator/start-simulator';
import type { SimulatorOptions } from '../../src/simulator/simulator-options';
import { request } from './http';

const withKey = { headers: { 'IPQS-KEY': 'test-key' } };
const running: Simulator[] = [];

async function start(options: SimulatorOptions): Promise<Simulator> {
  const simulator = await startSimulator(options);
  running.push(simulator);
  return simulator;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((simulator) => simulator.close()));
});

describe('the simulator knobs', () => {
  it('answers 429 with Retry-After: 1 to every request past rateLimit in one second', async () => {
    // a fixed clock: every request lands in the same wall-clock second
    const simulator = await start({ rateLimit: 10, now: () => 1_000_000 });
    const replies = await Promise.all(
      Array.from({ length: 15 }, (_, i) => request(`${simulator.url}/ip?ip=8.8.8.${i}`, withKey)),
    );
    const limited = replies.filter((reply) => reply.status === 429);
    expect(limited).toHaveLength(5);
    expect(limited.map((reply) => reply.headers.get('retry-after'))).toEqual(Array(5).fill('1'));
    expect(simulator.stats().requests.byStatus).toEqual({ '200': 10, '429': 5 });
  });

  it('lets requests through again in the next second', async () => {
    let now = 5_000;
    const simulator = await start({ rateLimit: 1, now: () => now });
    const first = await request(`${simulator.url}/ip?ip=8.8.8.8`, withKey);
    const second = await request(`${simulator.url}/ip?ip=8.8.8.8`, withKey);
    now = 6_000;
    const third = await request(`${simulator.url}/ip?ip=8.8.8.8`, withKey);
    expect([first.status, second.status, third.status]).toEqual([200, 429, 200]);
  });

  it('reports the most requests received in one wall-clock second as peakPerSecond', async () => {
    let now = 10_000;
    const simulator = await start({ now: () => now });
    const burst = async (count: number, at: number): Promise<void> => {
      now = at;
      await Promise.all(
        Array.from({ length: count }, () => request(`${simulator.url}/url?url=example.org`, withKey)),
      );
    };
    await burst(3, 10_000);
    await burst(7, 11_500);
    await burst(2, 12_000);
    expect(simulator.stats()).toMatchObject({ requests: { total: 12 }, peakPerSecond: 7 });
  });

  it('answers later when latencyMs is set', async () => {
    const slow = await start({ latencyMs: 400 });
    const fast = await start({});
    const order: string[] = [];
    const track = (name: string, url: string) =>
      request(url, withKey).then((reply) => {
        order.push(name);
        return reply;
      });
    const replies = await Promise.all([
      track('slow', `${slow.url}/ip?ip=8.8.8.8`),
      track('fast', `${fast.url}/ip?ip=8.8.8.8`),
    ]);
    expect(order).toEqual(['fast', 'slow']);
    expect(replies[0]?.json).toEqual(replies[1]?.json);
  });

  it('never answers a lookup sooner than latencyMs after it was sent, however many arrive at once', async () => {
    const simulator = await start({ latencyMs: 40 });
    const elapsed = await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        const sentAt = performance.now();
        const reply = await request(`${simulator.url}/ip?ip=8.8.4.${i}`, withKey);
        expect(reply.status).toBe(200);
        return performance.now() - sentAt;
      }),
    );
    expect(Math.min(...elapsed)).toBeGreaterThanOrEqual(40);
  });

  it('fails every request when failRate is 1', async () => {
    const simulator = await start({ failRate: 1, seed: 3 });
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        request(`${simulator.url}/email?email=score-1%40example.com&n=${i}`, withKey).then(
          (reply) => reply.status,
          () => 'reset',
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === 200)).toEqual([]);
    expect(new Set(outcomes)).toEqual(new Set([500, 502, 503, 'reset']));
    expect(simulator.stats().requests.byStatus['200']).toBeUndefined();
  });

  it('fails the same requests for the same seed', async () => {
    const run = async (): Promise<(number | string)[]> => {
      const simulator = await start({ failRate: 0.5, seed: 42 });
      const outcomes: (number | string)[] = [];
      for (let i = 0; i < 20; i++) {
        outcomes.push(
          await request(`${simulator.url}/ip?ip=8.8.8.8`, withKey).then(
            (reply) => reply.status,
            () => 'reset',
          ),
        );
      }
      return outcomes;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first).toContain(200);
  });

  it('answers a thousand concurrent requests', async () => {
    const simulator = await start({});
    const replies = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        request(`${simulator.url}/ip?ip=198.51.100.${i % 101}`, withKey),
      ),
    );
    expect(replies.filter((reply) => reply.status !== 200)).toEqual([]);
    expect(replies[85]?.json).toMatchObject({ fraud_score: 85 });
    expect(simulator.stats().requests).toMatchObject({ total: 1000, byEndpoint: { ip: 1000 } });
  });
});
