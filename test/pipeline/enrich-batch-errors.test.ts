// The error matrix at pipeline level: each way an IPQS lookup can fail, seen from the playbook: the
// indicator's ipqs.error, the exit code, and how many requests IPQS received. 8.8.8.8 meets the failure,
// 1.1.1.1 (looked up after it, one at a time) shows whether the run went on.
import { ExitCode } from '../../src/tc/exit';
import type { FakeIpqs } from '../helpers/pipeline';
import {
  answer,
  IPQS_MESSAGES,
  ipqsFailure,
  ipqsFixture,
  pipelineApp,
  runBatch,
  startFakeIpqs,
} from '../helpers/pipeline';

const MAX_RETRIES = 2;
/** A failure that is retried costs the first request and every retry. */
const RETRIED = MAX_RETRIES + 1;

type Reply = [number, string | Record<string, unknown>, Record<string, string>?];

interface Case {
  readonly label: string;
  /** IPQS's answers to 8.8.8.8 in order (the last repeats), or 'reset' for a connection reset. */
  readonly replies: Reply[] | 'reset';
  /** The reason after `8.8.8.8: IPQS ip lookup failed: `, or '' when the lookup recovered. */
  readonly error: string;
  readonly requests: number;
  /** True when the failure stops the run. */
  readonly fatal: boolean;
}

const CASES: Case[] = [
  {
    label: 'an invalid key',
    replies: [[200, ipqsFailure(IPQS_MESSAGES.invalidKey)]],
    error: `invalid API key (${IPQS_MESSAGES.invalidKey})`,
    requests: 1,
    fatal: true,
  },
  {
    label: 'insufficient credits',
    replies: [[200, ipqsFailure(IPQS_MESSAGES.credits)]],
    error: `insufficient credits (${IPQS_MESSAGES.credits})`,
    requests: 1,
    fatal: true,
  },
  {
    label: 'an exceeded quota',
    replies: [[200, ipqsFailure(IPQS_MESSAGES.quota)]],
    error: `request quota exceeded (${IPQS_MESSAGES.quota})`,
    requests: 1,
    fatal: true,
  },
  {
    label: 'invalid input',
    replies: [[200, ipqsFailure(IPQS_MESSAGES.invalidIp)]],
    error: `invalid input (${IPQS_MESSAGES.invalidIp})`,
    requests: 1,
    fatal: false,
  },
  {
    label: 'HTTP 429 with Retry-After, then success',
    replies: [
      [429, 'Too Many Requests', { 'Retry-After': '3' }],
      [200, ipqsFixture('ip-clean')],
    ],
    error: '',
    requests: 2,
    fatal: false,
  },
  {
    label: `HTTP 500 on every attempt`,
    replies: [[500, '']],
    error: 'server error (HTTP 500)',
    requests: RETRIED,
    fatal: false,
  },
  {
    label: 'an HTML body',
    replies: [[200, '<!DOCTYPE html><html><body>Maintenance</body></html>']],
    error: 'response is HTML, not JSON',
    requests: RETRIED,
    fatal: false,
  },
  {
    label: 'an empty body',
    replies: [[200, '']],
    error: 'empty response body',
    requests: RETRIED,
    fatal: false,
  },
  {
    label: 'a connection reset',
    replies: 'reset',
    error: 'network error (ECONNRESET)',
    requests: RETRIED,
    fatal: false,
  },
];

let ipqs: FakeIpqs | undefined;
afterEach(async () => {
  await ipqs?.close();
  ipqs = undefined;
});

async function serve(replies: Case['replies']): Promise<FakeIpqs> {
  let seen = 0;
  return startFakeIpqs((request, response) => {
    if (request.value !== '8.8.8.8') return answer(response, [200, ipqsFixture('ip-clean')]);
    seen += 1;
    if (replies === 'reset') return void response.socket?.resetAndDestroy();
    answer(response, replies[Math.min(seen, replies.length) - 1]!);
  });
}

describe('enrichBatch error matrix', () => {
  it.each(CASES)(
    'on $label: ipqs.error, exit code and $requests request(s)',
    async ({ replies, error, requests, fatal }) => {
      ipqs = await serve(replies);
      const app = pipelineApp({ indicators: '8.8.8.8\n1.1.1.1', max_concurrency: 1, fail_on_error: false });

      const { result, written, sleeps } = await runBatch(app, {
        client: { baseUrl: ipqs.baseUrl, maxRetries: MAX_RETRIES },
      });

      const reason = error === '' ? '' : `IPQS ip lookup failed: ${error}`;
      const firstError = reason === '' ? '' : `8.8.8.8: ${reason}`;
      const secondError = fatal ? `1.1.1.1: not looked up: the run stopped (${reason})` : '';
      expect(written['ipqs.error!StringArray']).toStrictEqual([firstError, secondError]);
      expect(result.exitCode).toBe(fatal ? ExitCode.Failure : ExitCode.Success);
      if (fatal) expect(result.message).toMatch(/^IPQS: run stopped: IPQS ip lookup failed: /);
      const sent = (value: string) => ipqs!.requests.filter((request) => request.value === value).length;
      expect([sent('8.8.8.8'), sent('1.1.1.1')]).toStrictEqual([requests, fatal ? 0 : 1]);
      expect(sleeps).toHaveLength(requests - 1);
    },
  );

  it('waits as long as Retry-After says before retrying', async () => {
    ipqs = await serve([
      [429, 'Too Many Requests', { 'Retry-After': '3' }],
      [200, ipqsFixture('ip-clean')],
    ]);
    const { sleeps, written } = await runBatch(pipelineApp({ indicators: '8.8.8.8' }), {
      client: { baseUrl: ipqs.baseUrl, maxRetries: MAX_RETRIES },
    });
    expect(sleeps).toStrictEqual([3000]);
    expect(written['ipqs.verdict!String']).toBe('CLEAN');
  });

  it.each([
    [true, ExitCode.Failure],
    [false, ExitCode.Success],
  ])('with fail_on_error %s, a retried failure exits %i', async (failOnError, exitCode) => {
    ipqs = await serve([[500, '']]);
    const app = pipelineApp({ indicators: '8.8.8.8\n1.1.1.1', fail_on_error: failOnError });
    const { result } = await runBatch(app, { client: { baseUrl: ipqs.baseUrl, maxRetries: 0 } });
    expect(result.exitCode).toBe(exitCode);
  });
});
