import { InputValidationError } from '../../../src/errors';
import {
  APP_PARAM_DEFAULTS,
  INDICATOR_TYPE_CHOICES,
  parseAppParams,
} from '../../../src/tc/params/app-params';

const API_KEY = 'K3yValueThatMustNeverLeak';
const BASE = { ipqs_api_key: API_KEY, indicators: '8.8.8.8' };

function issuesOf(raw: Record<string, unknown>): readonly { name: string; reason: string }[] {
  try {
    parseAppParams(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(InputValidationError);
    expect((error as Error).message).not.toContain(API_KEY);
    return (error as InputValidationError).issues;
  }
  throw new Error('expected an InputValidationError');
}

describe('parseAppParams', () => {
  it('fills every default when only the required params are given', () => {
    expect(parseAppParams(BASE)).toEqual({
      ...APP_PARAM_DEFAULTS,
      ipqs_api_key: API_KEY,
      indicators: '8.8.8.8',
      user_agent: undefined,
      user_language: undefined,
    });
  });

  it('has the defaults of the params table', () => {
    expect(APP_PARAM_DEFAULTS).toMatchObject({
      indicator_type: 'Auto-Detect',
      email_timeout: 7,
      url_timeout: 2,
      fail_on_error: true,
      include_personal_data: false,
      max_requests_per_second: 0,
      max_concurrency: 8,
      cache_ttl_minutes: 60,
      max_retries: 3,
      request_timeout_seconds: 20,
      ipqs_base_url: 'https://ipqualityscore.com/api/json',
    });
  });

  it('treats blank strings as missing so the defaults apply', () => {
    const params = parseAppParams({
      ...BASE,
      email_timeout: '',
      indicator_type: '  ',
      fail_on_error: '',
      user_agent: ' ',
    });
    expect(params).toMatchObject({ email_timeout: 7, indicator_type: 'Auto-Detect', fail_on_error: true });
    expect(params.user_agent).toBeUndefined();
  });

  it('coerces strings to booleans and numbers and trims strings', () => {
    const params = parseAppParams({
      ...BASE,
      ipqs_api_key: `  ${API_KEY}\n`,
      ip_fast: 'true',
      mobile: '1',
      fail_on_error: 'False',
      include_personal_data: true,
      ip_strictness: '2',
      max_requests_per_second: '2.5',
      request_timeout_seconds: ' 30 ',
      user_agent: '  Mozilla/5.0  ',
      indicator_type: 'ip address',
    });
    expect(params).toMatchObject({
      ipqs_api_key: API_KEY,
      ip_fast: true,
      mobile: true,
      fail_on_error: false,
      include_personal_data: true,
      ip_strictness: 2,
      max_requests_per_second: 2.5,
      request_timeout_seconds: 30,
      user_agent: 'Mozilla/5.0',
      indicator_type: 'IP Address',
    });
  });

  it.each(INDICATOR_TYPE_CHOICES)('accepts indicator_type %s', (choice) => {
    expect(parseAppParams({ ...BASE, indicator_type: choice }).indicator_type).toBe(choice);
  });

  describe.each([
    ['ip_strictness', 0, 3],
    ['transaction_strictness', 0, 2],
    ['email_strictness', 0, 2],
    ['abuse_strictness', 0, 2],
    ['url_strictness', 0, 2],
    ['phone_strictness', 0, 2],
    ['email_timeout', 1, 60],
    ['url_timeout', 1, 10],
    ['max_concurrency', 1, 64],
    ['max_retries', 0, 10],
  ])('%s (an integer from %i to %i)', (name, min, max) => {
    it.each([min, max, String(min), String(max)])('accepts %j', (value) => {
      expect(parseAppParams({ ...BASE, [name]: value })[name as 'max_retries']).toBe(Number(value));
    });

    it.each([String(min - 1), String(max + 1), max + 1, '7.5', 'abc', '0x1', '1e1'])(
      'rejects %j',
      (value) => {
        const got = typeof value === 'string' ? `"${value}"` : String(value);
        expect(issuesOf({ ...BASE, [name]: value })).toEqual([
          { name, reason: `must be an integer from ${min} to ${max} (got ${got})` },
        ]);
      },
    );
  });

  it.each([
    ['ip_strictness', '-1', 'must be an integer from 0 to 3 (got "-1")'],
    ['ip_strictness', '4', 'must be an integer from 0 to 3 (got "4")'],
    ['ip_strictness', '7', 'must be an integer from 0 to 3 (got "7")'],
    ['email_timeout', 0, 'must be an integer from 1 to 60 (got 0)'],
    ['email_timeout', '61', 'must be an integer from 1 to 60 (got "61")'],
    ['cache_ttl_minutes', '-1', 'must be an integer >= 0 (got "-1")'],
    ['cache_ttl_minutes', '1.5', 'must be an integer >= 0 (got "1.5")'],
    ['max_requests_per_second', '-0.5', 'must be a number >= 0 (got "-0.5")'],
    ['request_timeout_seconds', '0.5', 'must be a number from 1 to 300 (got "0.5")'],
    ['request_timeout_seconds', 301, 'must be a number from 1 to 300 (got 301)'],
    [
      'indicator_type',
      'Hostname',
      'must be one of Auto-Detect, IP Address, Email Address, URL, Domain, Phone Number (got "Hostname")',
    ],
    ['ip_fast', 'maybe', 'must be true or false (got "maybe")'],
    ['ip_fast', 2, 'must be true or false (got 2)'],
    ['user_agent', { a: 1 }, 'must be a string (got an object)'],
    ['ipqs_base_url', 'ftp://example.com', 'must be an http(s) URL (got "ftp://example.com")'],
    ['ipqs_base_url', 'not a url', 'must be an http(s) URL (got "not a url")'],
    ['ipqs_base_url', 'ssh://user:pw@example.com', 'must be an http(s) URL'],
  ])('reports %s = %j: %s', (name, value, reason) => {
    expect(issuesOf({ ...BASE, [name]: value })).toEqual([{ name, reason }]);
  });

  it.each([
    [0, 0],
    ['0', 0],
    ['525600', 525600],
  ])('accepts cache_ttl_minutes %j (0 turns the cache off)', (value, expected) => {
    expect(parseAppParams({ ...BASE, cache_ttl_minutes: value }).cache_ttl_minutes).toBe(expected);
  });

  it.each([
    [0, 0],
    ['0', 0],
    ['0.25', 0.25],
    ['1000', 1000],
  ])('accepts max_requests_per_second %j (0 means no limit)', (value, expected) => {
    expect(parseAppParams({ ...BASE, max_requests_per_second: value }).max_requests_per_second).toBe(
      expected,
    );
  });

  it('keeps a base URL that carries credentials', () => {
    const url = 'https://user:pw@example.com/api/json';
    expect(parseAppParams({ ...BASE, ipqs_base_url: url }).ipqs_base_url).toBe(url);
  });

  it.each([
    ['1', 1],
    ['300', 300],
  ])('accepts request_timeout_seconds boundary %j', (value, expected) => {
    expect(parseAppParams({ ...BASE, request_timeout_seconds: value }).request_timeout_seconds).toBe(
      expected,
    );
  });

  it('drops trailing slashes from ipqs_base_url', () => {
    expect(parseAppParams({ ...BASE, ipqs_base_url: 'http://127.0.0.1:8080/api/json/' }).ipqs_base_url).toBe(
      'http://127.0.0.1:8080/api/json',
    );
  });

  describe('indicators', () => {
    const entity = { id: 12, value: 'bad.example', type: 'Host' };
    it.each([
      ['a string', ' 8.8.8.8\n1.1.1.1 ', '8.8.8.8\n1.1.1.1'],
      ['a list with nulls', ['8.8.8.8', null, 'a@b.example'], ['8.8.8.8', null, 'a@b.example']],
      ['a TCEntity', entity, { id: '12', value: 'bad.example', type: 'Host' }],
      ['a TCEntity without id', { value: 'x.example', type: 'Host' }, { value: 'x.example', type: 'Host' }],
      ['a list of TCEntities', [entity, null], [{ id: '12', value: 'bad.example', type: 'Host' }, null]],
    ])('accepts %s', (_case, value, expected) => {
      expect(parseAppParams({ ...BASE, indicators: value }).indicators).toEqual(expected);
    });

    it.each([
      ['missing', undefined, 'required'],
      ['blank', '  ', 'required'],
      ['an empty list', [], 'must hold at least one indicator (got an empty list)'],
      ['a list of nulls and blanks', [null, ' '], 'must hold at least one indicator (got an empty list)'],
      ['a number', 42, 'must be a string, a list or a TCEntity (got a number)'],
      [
        'a list holding a number',
        ['8.8.8.8', 5],
        'item 2 must be a string, a TCEntity or null (got a number)',
      ],
      ['an entity without value', { type: 'Host' }, 'must be a TCEntity with a non-empty "value" and "type"'],
      [
        'a list holding a bad entity',
        [entity, { value: 'x' }],
        'item 2 must be a TCEntity with a non-empty "value" and "type"',
      ],
    ])('rejects %s', (_case, value, reason) => {
      expect(issuesOf({ ...BASE, indicators: value })).toEqual([{ name: 'indicators', reason }]);
    });
  });

  describe('phone_countries', () => {
    it.each([
      ['us, gb|ca  de', ['US', 'GB', 'CA', 'DE']],
      [
        ['us', 'GB,us'],
        ['US', 'GB'],
      ],
      ['US', ['US']],
    ])('reads %j as %j', (value, expected) => {
      expect(parseAppParams({ ...BASE, phone_countries: value }).phone_countries).toEqual(expected);
    });

    it.each([
      ['USA, G1, us', 'must be ISO 3166 alpha-2 country codes such as US, GB (got "USA", "G1")'],
      [[1], 'must be ISO 3166 alpha-2 country codes such as US, GB (got a list)'],
    ])('rejects %j', (value, reason) => {
      expect(issuesOf({ ...BASE, phone_countries: value })).toEqual([{ name: 'phone_countries', reason }]);
    });
  });

  describe('extra_params', () => {
    it('reads KeyValueList rows, trimming keys and turning values into strings', () => {
      const rows = [
        { key: ' country ', value: 'US' },
        { key: 'billing_age', value: 3 },
        { key: 'flag', value: true },
        { key: 'empty', value: null },
        { key: 'list', value: ['a', 'b'] },
        { key: 'object', value: { a: 1 } },
      ];
      expect(parseAppParams({ ...BASE, extra_params: rows }).extra_params).toEqual([
        { key: 'country', value: 'US' },
        { key: 'billing_age', value: '3' },
        { key: 'flag', value: 'true' },
        { key: 'empty', value: '' },
        { key: 'list', value: 'a,b' },
        { key: 'object', value: '{"a":1}' },
      ]);
    });

    it('reads rows given as JSON text', () => {
      expect(parseAppParams({ ...BASE, extra_params: '[{"key":"a","value":"b"}]' }).extra_params).toEqual([
        { key: 'a', value: 'b' },
      ]);
    });

    it.each([
      [[{ key: ' ', value: 'v' }], 'row 1 must be {"key", "value"} with a non-empty key'],
      [[{ key: 'a', value: 'b' }, 'c'], 'row 2 must be {"key", "value"} with a non-empty key'],
      ['key=value', 'must be a list of {"key", "value"} rows (got a string that is not JSON)'],
      [{ key: 'a' }, 'must be a list of {"key", "value"} rows (got an object)'],
    ])('rejects %j', (value, reason) => {
      expect(issuesOf({ ...BASE, extra_params: value })).toEqual([{ name: 'extra_params', reason }]);
    });
  });

  describe('ipqs_api_key', () => {
    it.each([undefined, '', '   '])('is required (%j)', (value) => {
      expect(issuesOf({ ...BASE, ipqs_api_key: value })).toEqual([
        { name: 'ipqs_api_key', reason: 'required' },
      ]);
    });

    it.each([
      [918273645, 'must be a string (got a number)'],
      [[API_KEY], 'must be a string (got a list)'],
      [{ value: API_KEY }, 'must be a string (got an object)'],
    ])('never shows the value %j in the reason', (value, reason) => {
      const issues = issuesOf({ ...BASE, ipqs_api_key: value });
      expect(issues).toEqual([{ name: 'ipqs_api_key', reason }]);
      expect(JSON.stringify(issues)).not.toContain('918273645');
    });
  });

  it('reports every problem together, in param order', () => {
    let message = '';
    try {
      parseAppParams({
        indicator_type: 'Hostname',
        ip_strictness: '7',
        email_timeout: '0',
        url_fast: 'sure',
        tc_log_level: 'x',
      });
    } catch (error) {
      expect(error).toBeInstanceOf(InputValidationError);
      message = (error as Error).message;
    }
    expect(message).toBe(
      [
        'Input validation errors',
        'ipqs_api_key: required',
        'indicators: required',
        'indicator_type: must be one of Auto-Detect, IP Address, Email Address, URL, Domain, Phone Number (got "Hostname")',
        'ip_strictness: must be an integer from 0 to 3 (got "7")',
        'email_timeout: must be an integer from 1 to 60 (got "0")',
        'url_fast: must be true or false (got "sure")',
      ].join('\n'),
    );
  });

  it('ignores keys that are not app params', () => {
    expect(parseAppParams({ ...BASE, tc_log_level: 'debug' })).not.toHaveProperty('tc_log_level');
  });
});

describe('parseAppParams with the params as given before variables were resolved', () => {
  const VARIABLE = '#App:1:upstream.values!StringArray';

  function issuesWithSources(
    resolved: Record<string, unknown>,
    sources: Record<string, unknown>,
  ): readonly { name: string; reason: string }[] {
    try {
      parseAppParams(resolved, sources);
    } catch (error) {
      expect(error).toBeInstanceOf(InputValidationError);
      return (error as InputValidationError).issues;
    }
    throw new Error('expected an InputValidationError');
  }

  it.each([
    ['missing from the context', undefined, `required, but ${VARIABLE} has no value`],
    ['holding null', null, `required, but ${VARIABLE} has no value`],
    [
      'holding bytes',
      Buffer.from('8.8.8.8'),
      `must be a string, a list or a TCEntity (got bytes), read from ${VARIABLE}`,
    ],
    [
      'holding an empty list',
      [],
      `must hold at least one indicator (got an empty list), read from ${VARIABLE}`,
    ],
  ])('names the variable an indicators value %s came from', (_case, value, reason) => {
    const sources = { ...BASE, indicators: ` ${VARIABLE} ` };
    expect(issuesWithSources({ ...BASE, indicators: value }, sources)).toEqual([
      { name: 'indicators', reason },
    ]);
  });

  it('leaves the reason of a param given as a literal, or with embedded variables, as it is', () => {
    const sources = { ...BASE, indicators: `see ${VARIABLE}`, ip_strictness: '7' };
    expect(issuesWithSources({ ...BASE, indicators: 42, ip_strictness: '7' }, sources)).toEqual([
      { name: 'indicators', reason: 'must be a string, a list or a TCEntity (got a number)' },
      { name: 'ip_strictness', reason: 'must be an integer from 0 to 3 (got "7")' },
    ]);
  });
});
