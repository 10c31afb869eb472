import { checkLookupOptions, lookupAppParams } from '../../src/commands/lookup-options';
import type { LookupOptions } from '../../src/commands/lookup-options';
import { LookupUsageError } from '../../src/commands/lookup-usage-error';
import { APP_PARAM_DEFAULTS } from '../../src/tc/params';
import type { AppParams } from '../../src/tc/params';

const KEY = 'OptionsKey0123456789abcdef';

function appFor(options: LookupOptions, env: NodeJS.ProcessEnv = {}): AppParams {
  return lookupAppParams(checkLookupOptions(options, env), KEY, ['198.51.100.1']);
}

function problemsOf(options: LookupOptions, env: NodeJS.ProcessEnv = {}): readonly string[] {
  try {
    checkLookupOptions(options, env);
  } catch (error) {
    if (error instanceof LookupUsageError) return error.problems;
    throw error;
  }
  throw new Error('the options were accepted');
}

describe('checkLookupOptions', () => {
  it('fills the app defaults, fails on any failed indicator, and keeps the key and indicators given', () => {
    const app = appFor({});
    expect(app).toMatchObject({
      ipqs_api_key: KEY,
      indicators: ['198.51.100.1'],
      indicator_type: 'Auto-Detect',
      ip_strictness: APP_PARAM_DEFAULTS.ip_strictness,
      email_timeout: APP_PARAM_DEFAULTS.email_timeout,
      max_concurrency: APP_PARAM_DEFAULTS.max_concurrency,
      fail_on_error: true,
      include_personal_data: false,
      ipqs_base_url: APP_PARAM_DEFAULTS.ipqs_base_url,
      extra_params: [],
    });
  });

  it.each<[string, LookupOptions, Partial<AppParams>]>([
    ['--ip-strictness', { ipStrictness: '3' }, { ip_strictness: 3 }],
    ['--user-agent', { userAgent: 'Mozilla/5.0' }, { user_agent: 'Mozilla/5.0' }],
    ['--user-language', { userLanguage: 'en-US' }, { user_language: 'en-US' }],
    ['--ip-fast', { ipFast: true }, { ip_fast: true }],
    ['--mobile', { mobile: true }, { mobile: true }],
    ['--allow-public-access-points', { allowPublicAccessPoints: true }, { allow_public_access_points: true }],
    ['--lighter-penalties', { lighterPenalties: true }, { lighter_penalties: true }],
    ['--transaction-strictness', { transactionStrictness: '2' }, { transaction_strictness: 2 }],
    ['--email-strictness', { emailStrictness: '1' }, { email_strictness: 1 }],
    ['--abuse-strictness', { abuseStrictness: '2' }, { abuse_strictness: 2 }],
    ['--email-fast', { emailFast: true }, { email_fast: true }],
    ['--email-timeout', { emailTimeout: '30' }, { email_timeout: 30 }],
    ['--suggest-domain', { suggestDomain: true }, { suggest_domain: true }],
    ['--url-strictness', { urlStrictness: '2' }, { url_strictness: 2 }],
    ['--url-fast', { urlFast: true }, { url_fast: true }],
    ['--url-timeout', { urlTimeout: '9' }, { url_timeout: 9 }],
    ['--phone-strictness', { phoneStrictness: '1' }, { phone_strictness: 1 }],
    ['--phone-countries', { phoneCountries: 'us, gb' }, { phone_countries: ['US', 'GB'] }],
    ['--enhanced-line-check', { enhancedLineCheck: true }, { enhanced_line_check: true }],
    ['--enhanced-name-check', { enhancedNameCheck: true }, { enhanced_name_check: true }],
    ['--include-personal-data', { includePersonalData: true }, { include_personal_data: true }],
    ['--max-concurrency', { maxConcurrency: '4' }, { max_concurrency: 4 }],
    ['--max-retries', { maxRetries: '0' }, { max_retries: 0 }],
    ['--request-timeout', { requestTimeout: '2.5' }, { request_timeout_seconds: 2.5 }],
    ['--type email', { type: 'email' }, { indicator_type: 'Email Address' }],
    ['--type PHONE', { type: 'PHONE' }, { indicator_type: 'Phone Number' }],
    [
      '--base-url',
      { baseUrl: 'http://127.0.0.1:9/api/json/' },
      { ipqs_base_url: 'http://127.0.0.1:9/api/json' },
    ],
    [
      '--extra (repeated)',
      { extra: ['user_agent=x=y', ' billing_country = US'] },
      {
        extra_params: [
          { key: 'user_agent', value: 'x=y' },
          { key: 'billing_country', value: ' US' },
        ],
      },
    ],
  ])('maps %s to its app param', (_flag, options, expected) => {
    expect(appFor(options)).toMatchObject(expected);
  });

  it('takes the base URL from IPQS_BASE_URL when --base-url is absent, and --base-url over it', () => {
    const env = { IPQS_BASE_URL: 'http://127.0.0.1:8/api/json' };
    expect(appFor({}, env).ipqs_base_url).toBe('http://127.0.0.1:8/api/json');
    expect(appFor({ baseUrl: 'http://127.0.0.1:9/x' }, env).ipqs_base_url).toBe('http://127.0.0.1:9/x');
  });

  it.each([
    ['table', undefined],
    ['csv', 'CSV'],
    ['ndjson', 'ndjson'],
  ])('reads the format %s', (expected, format) => {
    expect(checkLookupOptions(format === undefined ? {} : { format }, {}).format).toBe(expected);
  });

  it('reads --fail-on as a verdict name', () => {
    expect(checkLookupOptions({ failOn: 'high_risk' }, {}).failOn).toBe('HIGH RISK');
    expect(checkLookupOptions({}, {}).failOn).toBeUndefined();
  });

  it.each<[string, LookupOptions, NodeJS.ProcessEnv, string]>([
    [
      '--ip-strictness',
      { ipStrictness: '7' },
      {},
      '--ip-strictness: must be an integer from 0 to 3 (got "7")',
    ],
    [
      '--email-timeout',
      { emailTimeout: '0' },
      {},
      '--email-timeout: must be an integer from 1 to 60 (got "0")',
    ],
    [
      '--url-timeout',
      { urlTimeout: 'soon' },
      {},
      '--url-timeout: must be an integer from 1 to 10 (got "soon")',
    ],
    [
      '--max-concurrency',
      { maxConcurrency: '65' },
      {},
      '--max-concurrency: must be an integer from 1 to 64 (got "65")',
    ],
    [
      '--request-timeout',
      { requestTimeout: '0' },
      {},
      '--request-timeout: must be a number from 1 to 300 (got "0")',
    ],
    [
      '--phone-countries',
      { phoneCountries: 'USA' },
      {},
      '--phone-countries: must be ISO 3166 alpha-2 country codes such as US, GB (got "USA")',
    ],
    ['--base-url', { baseUrl: 'ftp://x' }, {}, '--base-url: must be an http(s) URL (got "ftp://x")'],
    ['IPQS_BASE_URL', {}, { IPQS_BASE_URL: 'nope' }, 'IPQS_BASE_URL: must be an http(s) URL (got "nope")'],
    [
      '--type',
      { type: 'hash' },
      {},
      '--type: must be one of auto, ip, email, url, domain, phone (got "hash")',
    ],
    ['--format', { format: 'xml' }, {}, '--format: must be one of table, json, ndjson, csv (got "xml")'],
    [
      '--fail-on',
      { failOn: 'severe' },
      {},
      '--fail-on: must be one of CLEAN, SUSPICIOUS, LOW RISK, MODERATE RISK, HIGH RISK, CRITICAL, INVALID (got "severe")',
    ],
    ['--extra without =', { extra: ['strictness'] }, {}, '--extra: must be KEY=VALUE (got "strictness")'],
  ])('reports a bad %s under the option name', (_flag, options, env, problem) => {
    expect(problemsOf(options, env)).toEqual([problem]);
  });

  it('reports every bad option together, one line each', () => {
    const problems = problemsOf({ ipStrictness: '9', format: 'xml', emailTimeout: '99', failOn: 'x' });
    expect(problems).toHaveLength(4);
    expect(problems.every((problem) => !problem.includes('\n'))).toBe(true);
  });

  it.each<[string, LookupOptions]>([
    ['--key', { key: 'ArgvKey0123456789' }],
    ['--api-key', { apiKey: 'ArgvKey0123456789' }],
    ['--extra key=', { extra: ['key=ArgvKey0123456789'] }],
  ])('refuses a key given with %s, without repeating it', (_flag, options) => {
    const problems = problemsOf(options);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('set IPQS_API_KEY or pass --key-file PATH');
    expect(problems.join('\n')).not.toContain('ArgvKey0123456789');
  });

  it('ignores the base URL under --simulate (the simulator provides it)', () => {
    expect(() => checkLookupOptions({ simulate: true, baseUrl: 'ftp://x' }, {})).not.toThrow();
  });
});
