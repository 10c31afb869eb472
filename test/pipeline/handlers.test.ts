import { INDICATOR_TYPES } from '../../src/indicators/indicator-type';
import type { IndicatorType } from '../../src/indicators/indicator-type';
import type { LookupType } from '../../src/ipqs/fields';
import { HANDLERS } from '../../src/pipeline/handlers';
import { pipelineApp } from '../helpers/pipeline';

// Every option set away from its default, so a handler reading another type's options shows.
const APP = pipelineApp({
  ip_strictness: 3,
  user_agent: 'Mozilla/5.0',
  ip_fast: true,
  transaction_strictness: 2,
  email_strictness: 2,
  abuse_strictness: 1,
  email_fast: true,
  email_timeout: 30,
  suggest_domain: true,
  url_strictness: 1,
  url_fast: true,
  url_timeout: 9,
  phone_strictness: 2,
  phone_countries: 'US,CA',
  enhanced_line_check: true,
  extra_params: [{ key: 'custom', value: 'x' }],
});

const URL_PARAMS = { strictness: '1', fast: 'true', timeout: '9', custom: 'x' };

describe('HANDLERS', () => {
  it('has a handler for every indicator type and nothing else', () => {
    expect(Object.keys(HANDLERS).sort()).toStrictEqual([...INDICATOR_TYPES].sort());
  });

  it.each<[IndicatorType, LookupType, Record<string, unknown>, number | undefined]>([
    [
      'ip',
      'ip',
      {
        strictness: '3',
        user_agent: 'Mozilla/5.0',
        fast: 'true',
        mobile: 'false',
        allow_public_access_points: 'false',
        lighter_penalties: 'false',
        transaction_strictness: '2',
        custom: 'x',
      },
      undefined,
    ],
    [
      'email',
      'email',
      {
        strictness: '2',
        abuse_strictness: '1',
        fast: 'true',
        timeout: '30',
        suggest_domain: 'true',
        custom: 'x',
      },
      30,
    ],
    ['url', 'url', URL_PARAMS, 9],
    ['domain', 'url', URL_PARAMS, 9],
    [
      'phone',
      'phone',
      {
        strictness: '2',
        'country[]': ['US', 'CA'],
        enhanced_line_check: 'true',
        enhanced_name_check: 'false',
        custom: 'x',
      },
      undefined,
    ],
  ])(
    'sends %s indicators to the IPQS %s lookup with the params of their own app options',
    (type, lookup, params, serverTimeout) => {
      const handler = HANDLERS[type];
      expect(handler.lookup).toBe(lookup);
      expect(handler.params(APP)).toStrictEqual(params);
      expect(handler.serverTimeoutSeconds(APP)).toBe(serverTimeout);
    },
  );

  // fraud_score 88 and risk_score 60 land in a different band on every ladder but the shared URL one
  it.each<[IndicatorType, string]>([
    ['ip', 'HIGH RISK'],
    ['email', 'MODERATE RISK'],
    ['url', 'SUSPICIOUS'],
    ['domain', 'SUSPICIOUS'],
    ['phone', 'LOW RISK'],
  ])('judges %s answers on their own ladder (%s)', (type, verdict) => {
    const data = { fraud_score: 88, risk_score: 60, valid: true, active: true };
    expect(HANDLERS[type].verdict(data).verdict).toBe(verdict);
  });

  it('gives domain and url the same lookup, params and ladder', () => {
    const data = { risk_score: 100, phishing: true };
    expect(HANDLERS.domain.lookup).toBe(HANDLERS.url.lookup);
    expect(HANDLERS.domain.params(APP)).toStrictEqual(HANDLERS.url.params(APP));
    expect(HANDLERS.domain.verdict(data)).toStrictEqual(HANDLERS.url.verdict(data));
  });
});
