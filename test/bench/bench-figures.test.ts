import { medianRun } from '../../bench/bench-figures';
import type { BatchMeasure } from '../../bench/scenarios';

function run(steadyPerSecond: number | undefined): BatchMeasure {
  return {
    indicators: 10,
    succeeded: 10,
    requests: 10,
    requestsByEndpoint: {},
    wallMs: 1000,
    wallPerSecond: 10,
    steadyPerSecond,
    peakPerSecond: 10,
    peakRssKb: undefined,
  };
}

describe('medianRun', () => {
  it('is the run with the middle steady rate, whatever the order the runs came in', () => {
    const runs = [run(590), run(571), run(603)];
    expect(medianRun(runs)).toBe(runs[0]);
    expect(medianRun([runs[2], runs[0], runs[1]] as BatchMeasure[])).toBe(runs[0]);
  });

  it('counts a run without a rate as the slowest', () => {
    const runs = [run(undefined), run(500), run(600)];
    expect(medianRun(runs)).toBe(runs[1]);
  });

  it('is the one run when there is one, and refuses none', () => {
    const only = run(580);
    expect(medianRun([only])).toBe(only);
    expect(() => medianRun([])).toThrow(new RangeError('no throughput run'));
  });
});
