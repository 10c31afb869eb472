import { RANDOM_FAILURES, TrafficShaper } from '../../src/simulator/traffic';
import type { TrafficOptions } from '../../src/simulator/traffic';

const OFF: TrafficOptions = { latencyMs: 0, jitterMs: 0, rateLimit: 0, failRate: 0, seed: 1 };

function admitted(shaper: TrafficShaper, times: readonly number[]): (string | undefined)[] {
  return times.map((time) => shaper.admit(time));
}

describe('TrafficShaper', () => {
  it('admits everything when every knob is off', () => {
    expect(admitted(new TrafficShaper(OFF), Array(50).fill(1000))).toEqual(Array(50).fill(undefined));
  });

  it('rate limits every request past the limit within one wall-clock second', () => {
    const shaper = new TrafficShaper({ ...OFF, rateLimit: 3 });
    expect(admitted(shaper, [1000, 1200, 1500, 1999, 1999])).toEqual([
      undefined,
      undefined,
      undefined,
      'rate-limit',
      'rate-limit',
    ]);
  });

  it('starts counting afresh in the next second', () => {
    const shaper = new TrafficShaper({ ...OFF, rateLimit: 1 });
    expect(admitted(shaper, [1000, 1999, 2000, 2001])).toEqual([
      undefined,
      'rate-limit',
      undefined,
      'rate-limit',
    ]);
  });

  it('fails every request when failRate is 1, with each random failure kind', () => {
    const outcomes = admitted(new TrafficShaper({ ...OFF, failRate: 1 }), Array(200).fill(0));
    expect(outcomes.every((outcome) => RANDOM_FAILURES.includes(outcome as never))).toBe(true);
    expect(new Set(outcomes)).toEqual(new Set(RANDOM_FAILURES));
  });

  it('draws the same failures for the same seed, and others for another seed', () => {
    const draw = (seed: number) =>
      admitted(new TrafficShaper({ ...OFF, failRate: 0.5, seed }), Array(40).fill(0));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(7).filter((outcome) => outcome === undefined).length).toBeGreaterThan(5);
  });

  it('delays by the latency plus up to the jitter', () => {
    const shaper = new TrafficShaper({ ...OFF, latencyMs: 100, jitterMs: 50 });
    const delays = Array.from({ length: 100 }, () => shaper.delayMs());
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...delays)).toBeLessThan(150);
    expect(new Set(delays).size).toBeGreaterThan(50);
  });

  it('delays by exactly the latency without jitter', () => {
    expect(new TrafficShaper({ ...OFF, latencyMs: 25 }).delayMs()).toBe(25);
  });
});
