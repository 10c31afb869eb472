import nock from 'nock';
import type { IpqsClient } from '../../src/ipqs/client';
import { IpqsInvalidKeyError, IpqsQuotaExceededError } from '../../src/ipqs/errors';
import { LookupRunner } from '../../src/pipeline/lookup-runner';
import type { AppParams } from '../../src/tc/params';
import { recordingLog } from '../ipqs/ipqs-harness';
import {
  expectLookup,
  IPQS_HOST,
  IPQS_MESSAGES,
  IPQS_PATH,
  ipqsFailure,
  ipqsFixture,
  pipelineApp,
  pipelineClient,
} from '../helpers/pipeline';

const INVALID_KEY_ERROR = `IPQS ip lookup failed: invalid API key (${IPQS_MESSAGES.invalidKey})`;

const clients: IpqsClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

function runner(app: AppParams = pipelineApp(), signal = new AbortController().signal) {
  const log = recordingLog();
  const { client } = pipelineClient();
  clients.push(client);
  return { runner: new LookupRunner(client, app, log, signal), log };
}

describe('LookupRunner', () => {
  it('looks a key up once however often and however concurrently it is asked for', async () => {
    const scope = nock(IPQS_HOST)
      .get(`${IPQS_PATH}/ip`)
      .query(true)
      .once()
      .reply(200, ipqsFixture('ip-clean'));
    const { runner: lookups } = runner();

    const first = await Promise.all([
      lookups.lookup('ip:8.8.8.8', 'ip', '8.8.8.8'),
      lookups.lookup('ip:8.8.8.8', 'ip', '8.8.8.8'),
    ]);
    const later = await lookups.lookup('ip:8.8.8.8', 'ip', '8.8.8.8');

    expect(scope.isDone()).toBe(true);
    expect(first[0]).toMatchObject({ ok: true, cached: false, verdict: { verdict: 'CLEAN', score: 0 } });
    expect(first[1]).toBe(first[0]);
    expect(later).toBe(first[0]);
  });

  it('sends a domain to the url lookup with the URL options of the app', async () => {
    const scope = nock(IPQS_HOST)
      .get(`${IPQS_PATH}/url`)
      .query({ url: 'example.com', strictness: '2', fast: 'false', timeout: '5' })
      .reply(200, ipqsFixture('url-risky'));
    const { runner: lookups } = runner(pipelineApp({ url_strictness: 2, url_timeout: 5 }));

    const outcome = await lookups.lookup('domain:example.com', 'domain', 'example.com');

    expect(scope.isDone()).toBe(true);
    expect(outcome).toMatchObject({
      ok: true,
      verdict: { verdict: 'CRITICAL', score: 100, reasons: ['risk_score>=90', 'phishing', 'suspicious'] },
    });
  });

  it('stops after a fatal error: nothing more is sent and stoppedBy names the error', async () => {
    expectLookup('ip', '8.8.8.8', [200, ipqsFailure(IPQS_MESSAGES.invalidKey)]);
    expectLookup('ip', '1.1.1.1', [200, ipqsFixture('ip-clean')]);
    const { runner: lookups, log } = runner();

    const fatal = await lookups.lookup('ip:8.8.8.8', 'ip', '8.8.8.8');
    const after = await lookups.lookup('ip:1.1.1.1', 'ip', '1.1.1.1');

    expect(fatal).toStrictEqual({ ok: false, error: INVALID_KEY_ERROR });
    expect(after).toStrictEqual({
      ok: false,
      error: `not looked up: the run stopped (${INVALID_KEY_ERROR})`,
    });
    expect(lookups.stoppedBy).toBe(INVALID_KEY_ERROR);
    // the interceptor for 1.1.1.1 is still waiting: IPQS never saw it (test/setup/nock.ts would fail the test)
    expect(nock.pendingMocks()).toStrictEqual([`GET ${IPQS_HOST}:443${IPQS_PATH}/ip`]);
    nock.cleanAll();
    expect(log.events).toContainEqual({
      level: 'critical',
      event: 'ipqs-fatal',
      fields: { error: INVALID_KEY_ERROR },
    });
  });

  it('keeps the first fatal error as stoppedBy when several lookups in flight fail', async () => {
    // a client whose answers the test settles, in the order it chooses
    const pending: ((error: Error) => void)[] = [];
    const client: IpqsClient = {
      lookup: () => new Promise((_resolve, reject) => pending.push(reject)),
      close: () => undefined,
    };
    const lookups = new LookupRunner(client, pipelineApp(), recordingLog(), new AbortController().signal);
    const first = lookups.lookup('ip:8.8.8.8', 'ip', '8.8.8.8');
    const second = lookups.lookup('ip:1.1.1.1', 'ip', '1.1.1.1');

    pending[1]!(new IpqsQuotaExceededError('request quota exceeded', { lookup: 'ip' }));
    await second;
    pending[0]!(new IpqsInvalidKeyError('invalid API key', { lookup: 'ip' }));
    await first;

    expect(lookups.stoppedBy).toBe('IPQS ip lookup failed: request quota exceeded');
  });

  it('fails only the indicator IPQS calls invalid, and keeps going', async () => {
    expectLookup('ip', '8.8.8.8', [200, ipqsFailure(IPQS_MESSAGES.invalidIp)]);
    expectLookup('ip', '1.1.1.1', [200, ipqsFixture('ip-clean')]);
    const { runner: lookups } = runner();

    const invalid = await lookups.lookup('ip:8.8.8.8', 'ip', '8.8.8.8');
    const next = await lookups.lookup('ip:1.1.1.1', 'ip', '1.1.1.1');

    expect(invalid).toStrictEqual({
      ok: false,
      error: `IPQS ip lookup failed: invalid input (${IPQS_MESSAGES.invalidIp})`,
    });
    expect(next).toMatchObject({ ok: true });
    expect(lookups.stoppedBy).toBeUndefined();
  });

  it('sends nothing once the run is interrupted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { runner: lookups } = runner(pipelineApp(), controller.signal);

    // no interceptor: a request would fail as a network error, not as "not looked up"
    await expect(lookups.lookup('ip:8.8.8.8', 'ip', '8.8.8.8')).resolves.toStrictEqual({
      ok: false,
      error: 'not looked up: the run was interrupted',
    });
  });

  describe('personal data', () => {
    const PERSONAL = ['associated_names', 'associated_phone_numbers', 'identity_data'];

    it('drops personal data from the answer unless include_personal_data is set', async () => {
      expectLookup('email', 'info@example.com', [200, ipqsFixture('email-fields')]);
      const { runner: lookups } = runner();

      const outcome = await lookups.lookup('email:info@example.com', 'email', 'info@example.com');

      expect(outcome.ok).toBe(true);
      const data = outcome.ok ? outcome.data : {};
      for (const key of PERSONAL) expect(data).not.toHaveProperty(key);
      expect(data).toMatchObject({ fraud_score: 81, sanitized_email: 'info@example.com', leaked: true });
    });

    it('keeps personal data when include_personal_data is set', async () => {
      expectLookup('email', 'info@example.com', [200, ipqsFixture('email-fields')]);
      const { runner: lookups } = runner(pipelineApp({ include_personal_data: true }));

      const outcome = await lookups.lookup('email:info@example.com', 'email', 'info@example.com');

      expect(outcome).toMatchObject({
        ok: true,
        data: {
          associated_names: { status: 'Found', names: ['Test Person'] },
          associated_phone_numbers: { status: 'Found', phone_numbers: ['+15550100000'] },
          identity_data: [{ names: [{ first_name: 'Test', last_name: 'Person' }] }],
        },
      });
    });

    it('drops the phone owner name', async () => {
      expectLookup('phone', '+14155550123', [200, { ...ipqsFixture('phone-clean'), name: 'Jane Example' }]);
      const { runner: lookups } = runner();

      const outcome = await lookups.lookup('phone:+14155550123', 'phone', '+14155550123');

      expect(outcome.ok).toBe(true);
      expect(outcome.ok ? outcome.data : {}).not.toHaveProperty('name');
    });
  });
});
