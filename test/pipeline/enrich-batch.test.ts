import type http from 'node:http';
import nock from 'nock';
import type { IpqsClient } from '../../src/ipqs/client';
import * as clientModule from '../../src/ipqs/client';
import { silentLog } from '../../src/logging/log';
import { clientFor, enrich, enrichBatch } from '../../src/pipeline/enrich-batch';
import { ExitCode } from '../../src/tc/exit';
import type { FakeIpqs } from '../helpers/pipeline';
import {
  answer,
  API_KEY,
  enrichContext,
  expectLookup,
  flushedOutputs,
  IPQS_HOST,
  IPQS_MESSAGES,
  IPQS_PATH,
  ipqsFailure,
  ipqsFixture,
  outputStage,
  pipelineApp,
  pipelineClient,
  runBatch,
  startFakeIpqs,
} from '../helpers/pipeline';

const INVALID_KEY = `IPQS ip lookup failed: invalid API key (${IPQS_MESSAGES.invalidKey})`;
const INVALID_IP = `IPQS ip lookup failed: invalid input (${IPQS_MESSAGES.invalidIp})`;
const PROXY_LOGIN = { tc_proxy_username: 'proxyuser', tc_proxy_password: 'proxypass' };
const BAD_IP = '10.0.0.300: not an IP address (octet above 255)';

describe('enrichBatch', () => {
  it('writes String as the first of a type and StringArray as all of it in input order, null where one failed', async () => {
    expectLookup('ip', '8.8.8.8', [200, ipqsFixture('ip-clean')]);
    expectLookup('email', 'someone@example.com', [200, ipqsFixture('email-clean')]);
    expectLookup('ip', '1.1.1.1', [200, ipqsFailure(IPQS_MESSAGES.invalidIp)]);
    expectLookup('url', 'http://secure-bank.example/', [200, ipqsFixture('url-risky')]);
    expectLookup('ip', '1.2.3.4', [200, ipqsFixture('ip-risky')]);
    const indicators = [
      '8.8.8.8',
      'someone@example.com',
      '1.1.1.1',
      'http://secure-bank.example/',
      '1.2.3.4',
    ];

    const { written } = await runBatch(pipelineApp({ indicators, fail_on_error: false }));

    expect(written).toMatchObject({
      'ipqs.indicator!StringArray': indicators,
      'ipqs.indicator_type!StringArray': ['ip', 'email', 'ip', 'url', 'ip'],
      'ipqs.score!StringArray': ['0', '0', null, '100', '100'],
      'ipqs.error!StringArray': ['', '', `1.1.1.1: ${INVALID_IP}`, '', ''],
      'ipqs.ip.fraud_score!StringArray': ['0', null, '100'],
      'ipqs.ip.fraud_score!String': '0',
      'ipqs.ip.ISP!StringArray': ['Google', null, 'Level 3 Communications'],
      'ipqs.email.fraud_score!StringArray': ['0'],
      'ipqs.url.risk_score!StringArray': ['100'],
      'ipqs.url.risk_score!String': '100',
      'ipqs.high_risk.indicators!StringArray': ['http://secure-bank.example/', '1.2.3.4'],
      'ipqs.count!String': '5',
      'ipqs.success.count!String': '4',
      'ipqs.error.count!String': '1',
      'ipqs.high_risk.count!String': '2',
    });
    expect(written).not.toHaveProperty(['ipqs.phone.fraud_score!StringArray']);
  });

  it('writes only the outputs a downstream app requested', async () => {
    expectLookup('ip', '8.8.8.8', [200, ipqsFixture('ip-risky')]);
    const requested = ['ipqs.verdict!String', 'ipqs.ip.vpn!StringArray', 'ipqs.count!String'];

    const { written } = await runBatch(pipelineApp({ indicators: '8.8.8.8' }), { requested });

    expect(written).toStrictEqual({
      'ipqs.verdict!String': 'CRITICAL',
      'ipqs.ip.vpn!StringArray': ['true'],
      'ipqs.count!String': '1',
    });
  });

  it('looks each distinct indicator up once, however often and however written it appears', async () => {
    const scope = expectLookup('ip', '8.8.8.8', [200, ipqsFixture('ip-clean')], 1);

    const { written } = await runBatch(
      pipelineApp({ indicators: ['8.8.8.8', '8[.]8[.]8[.]8', '8.8.8.8'], max_concurrency: 3 }),
    );

    expect(scope.isDone()).toBe(true);
    expect(written['ipqs.verdict!StringArray']).toStrictEqual(['CLEAN', 'CLEAN', 'CLEAN']);
    expect(written['ipqs.ip.fraud_score!StringArray']).toStrictEqual(['0', '0', '0']);
  });

  it.each([
    [true, ExitCode.Failure],
    [false, ExitCode.Success],
  ])(
    'with fail_on_error %s, exits %i when an indicator failed, after writing every output',
    async (failOnError, exitCode) => {
      expectLookup('ip', '8.8.8.8', [200, ipqsFixture('ip-clean')]);

      const { result, written } = await runBatch(
        pipelineApp({ indicators: '8.8.8.8\n10.0.0.300', fail_on_error: failOnError }),
      );

      expect(result.exitCode).toBe(exitCode);
      expect(written['ipqs.verdict!StringArray']).toStrictEqual(['CLEAN', null]);
      expect(written['ipqs.error!StringArray']).toStrictEqual(['', BAD_IP]);
    },
  );

  it('stops at a fatal error: exit 1, finished indicators written, later ones not looked up', async () => {
    expectLookup('ip', '8.8.8.8', [200, ipqsFixture('ip-clean')]);
    expectLookup('ip', '1.1.1.1', [200, ipqsFailure(IPQS_MESSAGES.invalidKey)]);
    const never = expectLookup('ip', '9.9.9.9', [200, ipqsFixture('ip-clean')]);
    const app = pipelineApp({
      indicators: '8.8.8.8\n1.1.1.1\n9.9.9.9\n10.0.0.300',
      max_concurrency: 1,
      fail_on_error: false,
    });

    const { result, written } = await runBatch(app);

    expect(result).toStrictEqual({
      exitCode: ExitCode.Failure,
      message: `IPQS: run stopped: ${INVALID_KEY}. 4 indicators, 1 enriched, 3 failed, 0 high risk`,
    });
    expect(written['ipqs.verdict!StringArray']).toStrictEqual(['CLEAN', null, null, null]);
    expect(written['ipqs.ip.fraud_score!StringArray']).toStrictEqual(['0', null, null]);
    expect(written['ipqs.error!StringArray']).toStrictEqual([
      '',
      `1.1.1.1: ${INVALID_KEY}`,
      `9.9.9.9: not looked up: the run stopped (${INVALID_KEY})`,
      BAD_IP,
    ]);
    expect(never.isDone()).toBe(false);
    nock.cleanAll();
  });

  describe('message.tc', () => {
    it('counts indicators, enriched, failed and high risk, and names the first error', async () => {
      expectLookup('ip', '8.8.8.8', [200, ipqsFixture('ip-clean')]);
      expectLookup('ip', '1.2.3.4', [200, ipqsFixture('ip-risky')]);

      const { result } = await runBatch(pipelineApp({ indicators: '8.8.8.8\n10.0.0.300\n1.2.3.4' }));

      expect(result.message).toBe(
        `IPQS: 3 indicators, 2 enriched, 1 failed, 1 high risk. First error: ${BAD_IP}`,
      );
    });

    it('names the first error in input order, not the first to happen', async () => {
      // the invalid value fails at once; the IPQS failure before it in the input comes back later
      expectLookup('ip', '8.8.8.8', [200, ipqsFailure(IPQS_MESSAGES.invalidIp)]);

      const { result } = await runBatch(
        pipelineApp({ indicators: '8.8.8.8\n10.0.0.300', max_concurrency: 2 }),
      );

      expect(result.message).toBe(
        `IPQS: 2 indicators, 0 enriched, 2 failed, 0 high risk. First error: 8.8.8.8: ${INVALID_IP}`,
      );
    });
  });

  it('sends nothing once the run is interrupted, and fails every indicator saying so', async () => {
    const controller = new AbortController();
    controller.abort();

    const { result, written } = await runBatch(pipelineApp({ indicators: '8.8.8.8\n1.1.1.1' }), {
      signal: controller.signal,
    });

    expect(written['ipqs.error!StringArray']).toStrictEqual([
      '8.8.8.8: not looked up: the run was interrupted',
      '1.1.1.1: not looked up: the run was interrupted',
    ]);
    expect(result.exitCode).toBe(ExitCode.Failure);
  });

  describe('concurrency', () => {
    let ipqs: FakeIpqs | undefined;
    afterEach(async () => {
      await ipqs?.close();
      ipqs = undefined;
    });

    it('keeps at most max_concurrency requests open at IPQS, and uses them all', async () => {
      const values = ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4', '198.51.100.5'];
      const held: http.ServerResponse[] = [];
      let maxOpen = 0;
      let inFlight = 0;
      // IPQS answers only once every lookup the pipeline has started is waiting on it: a pipeline that
      // starts too many shows them all open at once, and one that starts too few cannot hang the test
      const releaseIfAllWaiting = () => {
        if (held.length === 0 || held.length !== inFlight) return;
        for (const response of held.splice(0)) answer(response, [200, ipqsFixture('ip-clean')]);
      };
      ipqs = await startFakeIpqs((_request, response) => {
        held.push(response);
        maxOpen = Math.max(maxOpen, held.length);
        releaseIfAllWaiting();
      });
      const { client } = pipelineClient({ baseUrl: ipqs.baseUrl });
      const counting: IpqsClient = {
        lookup: async (request) => {
          inFlight += 1;
          try {
            return await client.lookup(request);
          } finally {
            inFlight -= 1;
            releaseIfAllWaiting();
          }
        },
        close: () => client.close(),
      };
      const stage = outputStage(['ipqs.verdict!StringArray']);

      const result = await enrichBatch(
        enrichContext(pipelineApp({ indicators: values, max_concurrency: 2 }), stage),
        counting,
      );
      counting.close();

      expect(maxOpen).toBe(2);
      expect(ipqs.requests.map((request) => request.value).sort()).toStrictEqual(values);
      expect(result.exitCode).toBe(ExitCode.Success);
      expect((await flushedOutputs(stage))['ipqs.verdict!StringArray']).toStrictEqual(
        values.map(() => 'CLEAN'),
      );
    });
  });
});

describe('enrich', () => {
  it('looks up with the key and max_retries of the app params', async () => {
    const scope = nock(IPQS_HOST, { reqheaders: { 'IPQS-KEY': API_KEY } })
      .get(`${IPQS_PATH}/ip`)
      .query(true)
      .once()
      .reply(500, '');
    const stage = outputStage(['ipqs.error!String']);

    const result = await enrich(enrichContext(pipelineApp({ indicators: '8.8.8.8', max_retries: 0 }), stage));

    expect(scope.isDone()).toBe(true);
    expect(result.exitCode).toBe(ExitCode.Failure);
    expect(await flushedOutputs(stage)).toStrictEqual({
      'ipqs.error!String': '8.8.8.8: IPQS ip lookup failed: server error (HTTP 500)',
    });
  });

  // nock cannot carry a forward-proxy request (test/ipqs/proxy-lookup.ts covers the wire in a child
  // process), so this checks what clientFor hands the client
  it.each<[string, Record<string, unknown>, unknown]>([
    [
      'the external proxy, with its credentials, when tc_proxy_external is set',
      { tc_proxy_external: true, tc_proxy_host: 'proxy.local', tc_proxy_port: 3128, ...PROXY_LOGIN },
      { host: 'proxy.local', port: 3128, username: 'proxyuser', password: 'proxypass' },
    ],
    [
      'no proxy when tc_proxy_external is not set',
      { tc_proxy_host: 'proxy.local', tc_proxy_port: 3128, ...PROXY_LOGIN },
      undefined,
    ],
    [
      'no proxy when the proxy has no port',
      { tc_proxy_external: true, tc_proxy_host: 'proxy.local' },
      undefined,
    ],
  ])('gives the client %s', (_label, tc, proxy) => {
    const create = jest.spyOn(clientModule, 'createIpqsClient');
    const app = pipelineApp({
      ipqs_base_url: 'http://ipqs.example/api/json',
      request_timeout_seconds: 7,
      max_retries: 4,
    });
    try {
      clientFor(app, enrichContext(app, outputStage([]), { tc }).tc, silentLog).close();
      expect(create).toHaveBeenCalledTimes(1);
      const options = create.mock.calls[0]![0];
      expect(options).toMatchObject({
        apiKey: API_KEY,
        baseUrl: 'http://ipqs.example/api/json',
        timeoutMs: 7000,
        maxRetries: 4,
      });
      expect(options.proxy).toStrictEqual(proxy);
    } finally {
      create.mockRestore();
    }
  });
});

describe('enrichBatch read-ahead', () => {
  /** A client that answers every lookup clean (or invalid key for `fatalValue`) and records its hints. */
  function hintedClient(fatalValue?: string) {
    const hints: string[][] = [];
    const looked: string[] = [];
    const client: IpqsClient = {
      lookup: async (request) => {
        looked.push(request.value);
        await Promise.resolve();
        if (request.value === fatalValue) {
          const { client: real } = pipelineClient();
          expectLookup('ip', request.value, [200, ipqsFailure(IPQS_MESSAGES.invalidKey)]);
          return real.lookup(request);
        }
        return { lookup: request.lookup, data: ipqsFixture('ip-clean') as never, attempts: 1 };
      },
      prefetch: (requests) => void hints.push(requests.map((request) => request.value)),
      close: () => undefined,
    };
    return { client, hints, looked };
  }
  const ips = (count: number, from = 0) =>
    Array.from({ length: count }, (_, n) => `11.0.${Math.floor((from + n) / 250)}.${((from + n) % 250) + 1}`);

  it('hints each lookup once, a chunk ahead of the lookups, leaving out invalid values and duplicates', async () => {
    const values = [...ips(300), '10.0.0.300', ...ips(300, 300), '11.0.0.1'];
    const { client, hints, looked } = hintedClient();
    const stage = outputStage(['ipqs.verdict!StringArray']);

    await enrichBatch(enrichContext(pipelineApp({ indicators: values, max_concurrency: 4 }), stage), client);

    const hinted = hints.flat();
    expect(hinted).toStrictEqual([...ips(600)]);
    // every lookup was hinted before it was made
    expect(looked).toHaveLength(600);
    expect(new Set(looked)).toStrictEqual(new Set(hinted));
    expect(hints[0]).toHaveLength(256);
  });

  it('hints nothing more once a fatal error stopped the run', async () => {
    const values = ips(1000);
    const { client, hints } = hintedClient(values[0]);
    const stage = outputStage(['ipqs.verdict!StringArray']);

    const result = await enrichBatch(
      enrichContext(pipelineApp({ indicators: values, max_concurrency: 1 }), stage),
      client,
    );

    expect(result.exitCode).toBe(ExitCode.Failure);
    // the first two chunks were hinted before the first answer; none after it
    expect(hints.flat()).toStrictEqual(values.slice(0, 512));
  });
});
