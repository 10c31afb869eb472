// Every IPQS fault the simulator can serve, end to end: node dist/main.js looks a batch up against a real
// simulator over HTTP and writes to the real Redis. One value meets the fault; the good values around it
// (looked up one at a time, in order) show whether the run went on. For each fault: the requests the
// simulator got for it (retries are bounded by max_retries), its ipqs.error, the good values' outputs,
// and the exit code and message.tc with fail_on_error on and off.
import type Redis from 'ioredis';
import type { FailureClass } from '../../src/simulator';
import { ACCOUNT_MESSAGES, API_FAILURE_MESSAGE, RATE_LIMIT_MESSAGE } from '../../src/simulator';
import { runAgainstSimulator } from '../helpers/fault-run';
import type { FaultRun } from '../helpers/fault-run';
import { testRedis } from '../helpers/redis';

const MAX_RETRIES = 1;
/** A retried fault costs the first request and every retry. */
const RETRIED = 1 + MAX_RETRIES;
/** request_timeout_seconds of the runs: the least the app accepts, so hanging answers cost 1 s each. */
const TIMEOUT_SECONDS = 1;

/** Looked up before the fault value, then after it; their scores pick their verdicts. */
const FIRST = { value: '198.51.100.10', score: '10', verdict: 'CLEAN' };
const AFTER = [
  { value: '198.51.100.90', score: '90', verdict: 'HIGH RISK' },
  { value: '198.51.100.20', score: '20', verdict: 'CLEAN' },
];
const GOOD = [FIRST, ...AFTER];

/** What a fault does to the run: stop it, fail its own indicator, or nothing once a retry succeeded. */
type Effect = 'stops the run' | 'fails the indicator' | 'recovers';

interface Fault {
  readonly name: string;
  /** The simulator's failure class, counted in /__stats byFailure (none for a value never sent). */
  readonly failure: FailureClass | undefined;
  readonly value: string;
  readonly requests: number;
  /** The fault value's ipqs.error ('' when it was enriched in the end). */
  readonly error: string;
  readonly effect: Effect;
  /** App params on top of the matrix's own. */
  readonly app?: Readonly<Record<string, unknown>>;
}

const ip = (k: number): string => `192.0.2.${k}`;
const failed = (k: number, reason: string): string => `${ip(k)}: IPQS ip lookup failed: ${reason}`;
const timedOut = `no response within ${TIMEOUT_SECONDS * 1000} ms`;
const rateLimited = (status: string): string => `rate limited (${status}${RATE_LIMIT_MESSAGE})`;

/** The account failures (K = 1..3) and the reason the client gives for each. */
const FATAL = [
  ['invalid-key', 'invalid API key'],
  ['no-credits', 'insufficient credits'],
  ['over-quota', 'request quota exceeded'],
] as const;

const FAULTS: readonly Fault[] = [
  ...FATAL.map(([failure, label], index): Fault => ({
    name: failure,
    failure,
    value: ip(index + 1),
    requests: 1,
    error: failed(index + 1, `${label} (${ACCOUNT_MESSAGES[failure]})`),
    effect: 'stops the run',
  })),
  {
    name: 'invalid-input',
    failure: 'invalid-input',
    value: ip(4),
    requests: 1,
    error: failed(4, 'invalid input (Invalid IPv4 address, IPv6 address or hostname.)'),
    effect: 'fails the indicator',
  },
  ...(
    [
      ['rate-limit', 5, rateLimited('HTTP 429: ')],
      ['rate-limit-509', 6, rateLimited('HTTP 509: ')],
      ['server-500', 7, 'server error (HTTP 500: Internal server error. Please try again.)'],
      ['server-502', 8, 'server error (HTTP 502)'],
      ['server-503', 9, 'server error (HTTP 503)'],
      ['reset', 10, 'network error (connection closed before the answer was complete)'],
      ['timeout', 11, timedOut],
      ['truncated', 12, 'response is not valid JSON (truncated?)'],
      ['empty-body', 13, 'empty response body'],
      ['html-200', 14, 'response is HTML, not JSON (page title: Scheduled Maintenance)'],
      ['slow-body', 16, timedOut],
      ['rate-limit-200', 17, rateLimited('')],
    ] as const
  ).map(([failure, k, reason]): Fault => ({
    name: failure,
    failure,
    value: ip(k),
    requests: RETRIED,
    error: failed(k, reason),
    effect: 'fails the indicator',
  })),
  {
    name: 'latency-spike (1.5 s late, within a 5 s timeout)',
    failure: 'latency-spike',
    value: ip(15),
    requests: 1,
    error: '',
    effect: 'recovers',
    app: { request_timeout_seconds: '5' },
  },
  {
    name: 'api-failure',
    failure: 'api-failure',
    value: ip(18),
    requests: 1,
    error: failed(18, `IPQS reported a failure (${API_FAILURE_MESSAGE})`),
    effect: 'fails the indicator',
  },
  {
    name: 'bad-shape',
    failure: 'bad-shape',
    value: ip(19),
    requests: 1,
    error: failed(19, 'unexpected response (fraud_score: expected a score from 0 to 100)'),
    effect: 'fails the indicator',
  },
  { name: 'flaky-500', failure: 'flaky-500', value: ip(20), requests: 2, error: '', effect: 'recovers' },
  {
    name: 'flaky-timeout',
    failure: 'flaky-timeout',
    value: ip(21),
    requests: 2,
    error: '',
    effect: 'recovers',
  },
  {
    name: 'bad input (not an IP address)',
    failure: undefined,
    value: '10.0.0.300',
    requests: 0,
    error: '10.0.0.300: not an IP address (octet above 255)',
    effect: 'fails the indicator',
  },
];

let redis: Redis;
beforeAll(() => {
  redis = testRedis();
});
afterAll(async () => {
  await redis.quit();
});

function run(fault: Fault, failOnError: boolean): Promise<FaultRun> {
  return runAgainstSimulator(redis, [FIRST.value, fault.value, ...AFTER.map((good) => good.value)], {
    fail_on_error: String(failOnError),
    max_retries: String(MAX_RETRIES),
    request_timeout_seconds: String(TIMEOUT_SECONDS),
    max_concurrency: '1',
    cache_ttl_minutes: '0',
    ...fault.app,
  });
}

const HIGH = new Set(['HIGH RISK', 'CRITICAL']);

/** What the fault value's own outputs and the batch's message must be, from its effect. */
function expectedRun(fault: Fault, result: FaultRun, failOnError: boolean) {
  const reason = fault.error.replace(/^[^:]+: /, '');
  const stopped = fault.effect === 'stops the run';
  const after = AFTER.map((good) =>
    stopped
      ? { error: `${good.value}: not looked up: the run stopped (${reason})`, score: null, verdict: null }
      : { error: '', score: good.score, verdict: good.verdict },
  );
  const recovered = fault.effect === 'recovers';
  // a recovered value gets the simulator's ordinary (hashed) answer: any score, any verdict
  const own = recovered
    ? { error: '', score: expect.stringMatching(/^\d+$/), verdict: expect.any(String) }
    : { error: fault.error, score: null, verdict: null };
  const enriched = stopped ? 1 : recovered ? 4 : 3;
  // 198.51.100.90 is high risk; so may be a recovered value's ordinary answer (its verdict is read back)
  const ownVerdict = result.outputs.verdict?.[1] ?? '';
  const highRisk = stopped ? 0 : 1 + (recovered && HIGH.has(ownVerdict) ? 1 : 0);
  const counts = `4 indicators, ${enriched} enriched, ${4 - enriched} failed, ${highRisk} high risk`;
  const message = stopped
    ? `IPQS: run stopped: ${reason}. ${counts}`
    : recovered
      ? `IPQS: ${counts}`
      : `IPQS: ${counts}. First error: ${fault.error}`;
  const failedRun = stopped || (failOnError && !recovered);
  return {
    code: failedRun ? 1 : 0,
    messageTc: `${message}\n`,
    rows: [{ error: '', score: FIRST.score, verdict: FIRST.verdict }, own, ...after],
    counts: { success: String(enriched), error: String(4 - enriched) },
  };
}

/** The outputs per indicator, in input order, as rows. */
function rowsOf(result: FaultRun) {
  const { error, score, verdict } = result.outputs;
  return (result.outputs.indicator ?? []).map((_, i) => ({
    error: error?.[i],
    score: score?.[i],
    verdict: verdict?.[i],
  }));
}

describe('the fault matrix (node dist/main.js, simulator over HTTP, real Redis)', () => {
  it.each(FAULTS)('$name: $effect after $requests request(s)', async (fault) => {
    const runs = await Promise.all([run(fault, true), run(fault, false)]);

    for (const [failOnError, result] of [
      [true, runs[0]],
      [false, runs[1]],
    ] as const) {
      const expected = expectedRun(fault, result, failOnError);
      const { requests } = result.stats;
      expect(result.stderr).toBe(result.code === 0 ? '' : result.messageTc);
      // the fault value's requests: exactly one, or one plus max_retries when the fault is retried
      expect(fault.failure === undefined ? 0 : requests.byFailure[fault.failure]).toBe(fault.requests);
      // nothing after a fatal error; every good value once otherwise
      const goodRequests = fault.effect === 'stops the run' ? 1 : GOOD.length;
      expect(requests.total).toBe(goodRequests + fault.requests);
      expect(result.outputs.indicator).toEqual([FIRST.value, fault.value, ...AFTER.map((g) => g.value)]);
      expect(rowsOf(result)).toEqual(expected.rows);
      expect([result.outputs['success.count'], result.outputs['error.count']]).toEqual([
        expected.counts.success,
        expected.counts.error,
      ]);
      expect({ failOnError, code: result.code, messageTc: result.messageTc }).toEqual({
        failOnError,
        code: expected.code,
        messageTc: expected.messageTc,
      });
    }
  });
});
