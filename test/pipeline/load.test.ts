// Large batches through the pipeline with 1 % random faults (500, 502, 503, connection reset) and no
// retries, so every fault shows as an error: every position of the output arrays holds its own
// indicator and exactly one of a verdict or an error, nothing is looked up twice, and the errors are
// exactly the faults injected. 100,000 indicators go through an in-memory IPQS (a real HTTP request costs
// about 1 ms of CPU here, so 100,000 of them would take minutes); 10,000 go through the simulator over
// real HTTP.
import { setMaxListeners } from 'node:events';
import nock from 'nock';
import { kindAt, mixedIndicators } from '../../bench/indicators';
import type { IpqsClient, IpqsLookupRequest, IpqsLookupResult } from '../../src/ipqs/client';
import { IpqsNetworkError, IpqsServerError } from '../../src/ipqs/errors';
import type { LookupType } from '../../src/ipqs/fields';
import { parseIpqsResponse } from '../../src/ipqs/schemas';
import { enrichBatch } from '../../src/pipeline/enrich-batch';
import { startSimulator } from '../../src/simulator';
import type { Simulator } from '../../src/simulator';
import { ExitCode } from '../../src/tc/exit';
import {
  enrichContext,
  flushedOutputs,
  ipqsFixture,
  outputStage,
  pipelineApp,
  pipelineClient,
} from '../helpers/pipeline';

const FAIL_RATE = 0.01;
const SIMULATOR_FAULTS = ['500', '502', '503', 'reset'];

/** A seeded PRNG (mulberry32): the same faults on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * An IPQS client answering in memory: a clean answer per lookup type (parsed like a real one), or, for
 * `failRate` of the lookups, the error the HTTP client raises for a 5xx or a reset. Counts its faults.
 */
function inMemoryIpqs(failRate: number, seed: number): IpqsClient & { faults: number } {
  const random = seededRandom(seed);
  const bodies = new Map<LookupType, Record<string, unknown>>();
  const fixture = (lookup: LookupType): Record<string, unknown> => {
    const body = bodies.get(lookup) ?? ipqsFixture(`${lookup}-clean`);
    bodies.set(lookup, body);
    return body;
  };
  const state = {
    faults: 0,
    lookup<L extends LookupType>(request: IpqsLookupRequest<L>): Promise<IpqsLookupResult<L>> {
      const { lookup } = request;
      const draw = random();
      if (draw < failRate) {
        state.faults += 1;
        if (draw < failRate / 4) return Promise.reject(new IpqsNetworkError('ECONNRESET', { lookup }));
        return Promise.reject(new IpqsServerError('server error (HTTP 503)', { lookup, status: 503 }));
      }
      return Promise.resolve({ lookup, data: parseIpqsResponse(lookup, fixture(lookup)), attempts: 1 });
    },
    close: () => undefined,
  };
  return state;
}

/** `client`, counting the lookups asked of it per value. */
function countingClient(client: IpqsClient, counts: Map<string, number>): IpqsClient {
  return {
    lookup: (request) => {
      counts.set(request.value, (counts.get(request.value) ?? 0) + 1);
      return client.lookup(request);
    },
    close: () => client.close(),
  };
}

interface LoadRun {
  readonly indicators: readonly string[];
  readonly lookups: ReadonlyMap<string, number>;
  readonly outputs: Record<string, unknown>;
}

/** Enriches `count` distinct mixed indicators through `client` (concurrency 64, no retries). */
async function runLoad(count: number, client: IpqsClient): Promise<LoadRun> {
  const indicators = mixedIndicators(count);
  const app = pipelineApp({
    indicators: indicators.join('\n'),
    max_concurrency: '64',
    max_retries: '0',
    fail_on_error: 'false',
  });
  const stage = outputStage([
    'ipqs.indicator!StringArray',
    'ipqs.verdict!StringArray',
    'ipqs.error!StringArray',
    'ipqs.success.count!String',
    'ipqs.error.count!String',
  ]);
  const lookups = new Map<string, number>();
  const abort = new AbortController();
  setMaxListeners(0, abort.signal); // as the runtime does: every in-flight request listens on it
  const result = await enrichBatch(
    enrichContext(app, stage, { signal: abort.signal }),
    countingClient(client, lookups),
  );
  expect(result.exitCode).toBe(ExitCode.Success);
  return { indicators, lookups, outputs: await flushedOutputs(stage) };
}

/**
 * Checks every position of the outputs and the lookups made; returns the number of failed indicators.
 * The indicator output echoes the input, phones in E.164 (`+1 202 200 0018` -> `+12022000018`).
 */
function expectEveryPositionAnswered(run: LoadRun): number {
  const count = run.indicators.length;
  const indicator = run.outputs['ipqs.indicator!StringArray'] as (string | null)[];
  const verdict = run.outputs['ipqs.verdict!StringArray'] as (string | null)[];
  const error = run.outputs['ipqs.error!StringArray'] as (string | null)[];
  expect(indicator).toEqual(
    run.indicators.map((value, i) => (kindAt(i) === 'phone' ? value.replace(/ /g, '') : value)),
  );
  expect([verdict.length, error.length]).toEqual([count, count]);

  const positions = { both: 0, neither: 0, results: 0, errors: 0 };
  for (let i = 0; i < count; i += 1) {
    const hasResult = verdict[i] !== null;
    const hasError = error[i] !== '' && error[i] !== null;
    if (hasResult && hasError) positions.both += 1;
    else if (!hasResult && !hasError) positions.neither += 1;
    else if (hasResult) positions.results += 1;
    else positions.errors += 1;
  }
  const successes = Number(run.outputs['ipqs.success.count!String']);
  const failures = Number(run.outputs['ipqs.error.count!String']);
  expect(positions).toEqual({ both: 0, neither: 0, results: successes, errors: failures });
  expect(successes + failures).toBe(count);

  // one lookup per distinct value: none skipped, none repeated
  expect(run.lookups.size).toBe(count);
  expect([...run.lookups.values()].filter((times) => times !== 1)).toEqual([]);
  return failures;
}

describe('a batch with 1 % random faults', () => {
  it('answers each of 100,000 indicators exactly once, in input order (in-memory IPQS)', async () => {
    const ipqs = inMemoryIpqs(FAIL_RATE, 2024);

    const failures = expectEveryPositionAnswered(await runLoad(100_000, ipqs));

    expect(failures).toBe(ipqs.faults);
    expect(ipqs.faults).toBeGreaterThan(100_000 * FAIL_RATE * 0.8);
    expect(ipqs.faults).toBeLessThan(100_000 * FAIL_RATE * 1.2);
  }, 60_000);

  describe('over HTTP', () => {
    let simulator: Simulator;
    beforeAll(async () => {
      // nock's interceptor (test/setup/nock.ts) triples the cost of each request: off for these lookups
      nock.restore();
      simulator = await startSimulator({ latencyMs: 0, failRate: FAIL_RATE, seed: 2024 });
    });
    afterAll(async () => {
      await simulator.close();
      if (!nock.isActive()) nock.activate();
    });

    it('answers each of 10,000 indicators exactly once, in input order, one request each (simulator)', async () => {
      const { client } = pipelineClient({ baseUrl: simulator.url, maxRetries: 0 });
      let run: LoadRun;
      try {
        run = await runLoad(10_000, client);
      } finally {
        client.close();
      }

      const failures = expectEveryPositionAnswered(run);

      const { requests } = simulator.stats();
      const faults = SIMULATOR_FAULTS.reduce((sum, status) => sum + (requests.byStatus[status] ?? 0), 0);
      expect(requests.total).toBe(10_000);
      expect(failures).toBe(faults);
      expect(faults).toBeGreaterThan(10_000 * FAIL_RATE * 0.8);
      expect(faults).toBeLessThan(10_000 * FAIL_RATE * 1.2);
    }, 60_000);
  });
});
