import type { LookupType } from '../../src/ipqs/fields';
import { FAILURE_CLASSES, FAILURE_HOSTS, keyFailure } from '../../src/simulator/magic-values';
import type { FailureClass } from '../../src/simulator/magic-values';
import {
  ACCOUNT_MESSAGES,
  API_FAILURE_MESSAGE,
  INVALID_INPUT_MESSAGES,
  LATENCY_SPIKE_MS,
  RATE_LIMIT_MESSAGE,
  TRICKLE_BYTE_MS,
  TRUNCATED_BODY,
} from '../../src/simulator/responses/failure-answer';
import { SCORE_FIELD } from '../../src/ipqs/schemas';
import { simulatorResponse } from '../../src/simulator/simulator-response';
import { jsonBody } from './answers';

const IP_RISK_FLAGS = [
  'proxy',
  'vpn',
  'tor',
  'active_vpn',
  'active_tor',
  'recent_abuse',
  'bot_status',
  'frequent_abuser',
  'high_risk_attacks',
] as const;
const EMAIL_RISK_FLAGS = ['disposable', 'honeypot', 'recent_abuse', 'leaked', 'frequent_complainer'] as const;
const URL_RISK_FLAGS = ['unsafe', 'phishing', 'malware', 'suspicious', 'spamming', 'risky_tld'] as const;
const PHONE_RISK_FLAGS = ['recent_abuse', 'VOIP', 'risky', 'spammer', 'leaked', 'prepaid'] as const;

function flags(names: readonly string[], value: boolean): Record<string, boolean> {
  return Object.fromEntries(names.map((name) => [name, value]));
}

describe('magic values that pick a score', () => {
  // every boundary of every verdict ladder of the shared contract
  it.each([
    [0, 0],
    [59, 59],
    [60, 60],
    [74, 74],
    [75, 75],
    [84, 84],
    [85, 85],
    [99, 99],
    [100, 100],
    [255, 100],
  ])('scores the IP 198.51.100.%i %i with no risk flag', (n, score) => {
    const body = jsonBody(simulatorResponse('ip', `198.51.100.${n}`));
    expect(body).toMatchObject({ fraud_score: score, abuse_events: [], ...flags(IP_RISK_FLAGS, false) });
  });

  it.each([10, 95])('scores the IP 203.0.113.%i with every risk flag', (n) => {
    const body = jsonBody(simulatorResponse('ip', `203.0.113.${n}`));
    expect(body).toMatchObject({ fraud_score: n, abuse_velocity: 'high', ...flags(IP_RISK_FLAGS, true) });
  });

  it.each([0, 79, 80, 87, 88, 99, 100])('scores the email score-%i@example.com with no risk flag', (n) => {
    const body = jsonBody(simulatorResponse('email', `score-${n}@example.com`));
    expect(body).toMatchObject({ fraud_score: n, valid: true, ...flags(EMAIL_RISK_FLAGS, false) });
  });

  it.each([
    ['disposable@example.com', { disposable: true, valid: true, fraud_score: 0 }],
    ['disposable-95@example.com', { disposable: true, valid: true, fraud_score: 95 }],
    ['invalid@example.com', { valid: false, disposable: false, fraud_score: 0, smtp_score: -1 }],
    ['invalid-90@example.com', { valid: false, disposable: false, fraud_score: 90 }],
    ['flagged-40@example.com', { recent_abuse: true, honeypot: true, leaked: true, spam_trap_score: 'high' }],
  ])('answers the email %s with %j', (email, expected) => {
    expect(jsonBody(simulatorResponse('email', email))).toMatchObject(expected);
  });

  it.each([0, 54, 55, 69, 70, 79, 80, 89, 90, 100])(
    'scores the URL risk-%i.example with no risk flag',
    (n) => {
      const body = jsonBody(simulatorResponse('url', `https://risk-${n}.example/`));
      expect(body).toMatchObject({ risk_score: n, ...flags(URL_RISK_FLAGS, false) });
    },
  );

  it.each([
    ['phishing.example', { phishing: true, unsafe: true, malware: false, risk_score: 100 }],
    ['http://www.phishing-20.example/login', { phishing: true, unsafe: true, risk_score: 20 }],
    ['malware.example', { malware: true, unsafe: true, phishing: false, risk_score: 100 }],
    ['malware-5.example/payload.exe', { malware: true, unsafe: true, risk_score: 5 }],
    [
      'flagged-60.example',
      { suspicious: true, spamming: true, risky_tld: true, unsafe: true, risk_score: 60 },
    ],
    ['risk-999.example', { risk_score: 100 }],
  ])('answers the URL %s with %j', (url, expected) => {
    expect(jsonBody(simulatorResponse('url', url))).toMatchObject(expected);
  });

  it.each([0, 49, 50, 79, 80, 89, 90, 100])('scores the phone +1 800 555 0%s with no risk flag', (n) => {
    const body = jsonBody(simulatorResponse('phone', `+1 800 555 0${String(n).padStart(3, '0')}`));
    expect(body).toMatchObject({
      fraud_score: n,
      valid: true,
      active: true,
      ...flags(PHONE_RISK_FLAGS, false),
    });
  });

  it.each([
    ['+1 800 555 1000', { valid: false, active: false, fraud_score: 0 }],
    ['+1 800 555 1095', { valid: false, active: false, fraud_score: 95 }],
    ['+1 800 555 2030', { valid: true, active: false, active_status: 'Disconnected Line', fraud_score: 30 }],
    ['+1 800 555 3070', { recent_abuse: true, VOIP: true, risky: true, spammer: true, fraud_score: 70 }],
  ])('answers the phone %s with %j', (phone, expected) => {
    expect(jsonBody(simulatorResponse('phone', phone))).toMatchObject(expected);
  });

  it('leaves numbers of the magic phone block above 100 ordinary', () => {
    expect(jsonBody(simulatorResponse('phone', '+1 800 555 0500')).fraud_score).not.toBe(500);
  });
});

describe('magic values that pick a failure', () => {
  const requestId = expect.stringMatching(/^[A-Za-z]{10}$/);
  // the answer the value gets once the failure is over: an ordinary, successful one
  const ordinary = (type: LookupType) => ({
    kind: 'json',
    status: 200,
    body: expect.objectContaining({ success: true, [SCORE_FIELD[type]]: expect.any(Number) }),
  });
  const text = (body: string) => ({ kind: 'text', status: 200, contentType: 'application/json', body });
  const expected = (type: LookupType, failure: FailureClass): object => {
    const refused = (status: number, message: unknown) => ({
      kind: 'json',
      status,
      body: { success: false, message, request_id: requestId },
    });
    switch (failure) {
      case 'invalid-key':
      case 'no-credits':
      case 'over-quota':
        return refused(200, ACCOUNT_MESSAGES[failure]);
      case 'invalid-input':
        return refused(200, INVALID_INPUT_MESSAGES[type]);
      case 'rate-limit':
        return { ...refused(429, expect.any(String)), retryAfterSeconds: 1 };
      case 'rate-limit-509':
        return { ...refused(509, expect.any(String)), retryAfterSeconds: 1 };
      case 'server-500':
        return refused(500, expect.any(String));
      case 'server-502':
        return { kind: 'html', status: 502, body: expect.stringContaining('502 Bad Gateway') };
      case 'server-503':
        return { kind: 'html', status: 503, body: expect.stringContaining('503 Service') };
      case 'reset':
        return { kind: 'reset' };
      case 'timeout':
        return { kind: 'hang' };
      case 'truncated':
        return text(TRUNCATED_BODY);
      case 'empty-body':
        return text('');
      case 'html-200':
        return {
          kind: 'html',
          status: 200,
          body: expect.stringContaining('<title>Scheduled Maintenance</title>'),
        };
      case 'latency-spike':
        return { kind: 'delayed', delayMs: LATENCY_SPIKE_MS, answer: ordinary(type) };
      case 'slow-body':
        return {
          kind: 'trickle',
          byteEveryMs: TRICKLE_BYTE_MS,
          body: expect.stringMatching(/^\{"success":true,.*\}$/),
        };
      case 'rate-limit-200':
        return refused(200, RATE_LIMIT_MESSAGE);
      case 'api-failure':
        return refused(200, API_FAILURE_MESSAGE);
      case 'bad-shape':
        return {
          kind: 'json',
          status: 200,
          body: { success: true, message: 'Success', [SCORE_FIELD[type]]: 'high', request_id: requestId },
        };
      case 'flaky-500':
        return { kind: 'flaky', first: refused(500, expect.any(String)), then: ordinary(type) };
      case 'flaky-timeout':
        return { kind: 'flaky', first: { kind: 'hang' }, then: ordinary(type) };
    }
  };

  const cases = FAILURE_CLASSES.flatMap((failure, index) => {
    const k = index + 1;
    const host = FAILURE_HOSTS[failure];
    return [
      ['ip', `192.0.2.${k}`, failure],
      ['ip', host, failure],
      ['email', `anyone@${host}`, failure],
      ['url', `https://${host}/path`, failure],
      ['url', `www.${host}`, failure],
      ['phone', `+1 800 555 99${String(k).padStart(2, '0')}`, failure],
    ] as const;
  });

  it.each(cases)('answers the %s value %s with the %s failure', (type, value, failure) => {
    expect(simulatorResponse(type, value)).toEqual(expected(type, failure));
  });

  it.each(['ratelimit-200', 'api-failure', 'html-200', 'flaky-500'])(
    'matches the host %s.example exactly, not as a suffix of another name',
    (name) => {
      expect(simulatorResponse('url', `https://not-${name}.example/`)).toMatchObject(ordinary('url'));
    },
  );

  it('sends a flaky or slow value the same ordinary answer an unremarkable value gets', () => {
    const flaky = simulatorResponse('ip', 'flaky-500.example');
    const slow = simulatorResponse('ip', 'slow.example');
    if (flaky.kind !== 'flaky' || slow.kind !== 'delayed')
      throw new Error('not a flaky and a delayed answer');
    expect(flaky.then).toEqual(ordinary('ip'));
    expect(slow.answer).toEqual(ordinary('ip'));
    expect(jsonBody(flaky.then).host).toBe('flaky-500.example');
  });

  it('states the invalid-key, credits and quota messages as IPQS words them', () => {
    expect(ACCOUNT_MESSAGES['invalid-key']).toBe(
      'Invalid or unauthorized key. Please check the API key and try again.',
    );
    expect(ACCOUNT_MESSAGES['no-credits']).toMatch(/^You have insufficient credits to make this query\./);
    expect(ACCOUNT_MESSAGES['over-quota']).toMatch(/^You have exceeded your request quota of 200 per day\./);
  });

  it.each([
    ['invalid-key', 'invalid-key'],
    ['no-credits', 'no-credits'],
    ['over-quota', 'over-quota'],
    ['a-normal-key', undefined],
    ['toString', undefined],
  ])('maps the key %j to the failure %j', (key, failure) => {
    expect(keyFailure(key)).toBe(failure);
  });
});
