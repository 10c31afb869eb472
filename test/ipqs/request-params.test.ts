import type { LookupType } from '../../src/ipqs/fields';
import { buildLookupParams, lookupParams, serverTimeoutSeconds } from '../../src/ipqs/request-params';
import { appParams } from './ipqs-harness';

describe('lookupParams', () => {
  it.each<[LookupType, Record<string, string | string[]>]>([
    [
      'ip',
      {
        strictness: '0',
        fast: 'false',
        mobile: 'false',
        allow_public_access_points: 'false',
        lighter_penalties: 'false',
        transaction_strictness: '0',
      },
    ],
    [
      'email',
      { strictness: '0', abuse_strictness: '0', fast: 'false', timeout: '7', suggest_domain: 'false' },
    ],
    ['url', { strictness: '0', fast: 'false', timeout: '2' }],
    ['phone', { strictness: '0', enhanced_line_check: 'false', enhanced_name_check: 'false' }],
  ])('sends the documented defaults for %s lookups', (lookup, expected) => {
    expect(lookupParams(lookup, appParams())).toStrictEqual(expected);
  });

  it.each<[LookupType, string, unknown, string, string | string[]]>([
    ['ip', 'ip_strictness', 3, 'strictness', '3'],
    ['ip', 'user_agent', 'Mozilla/5.0 (X11; Linux x86_64)', 'user_agent', 'Mozilla/5.0 (X11; Linux x86_64)'],
    ['ip', 'user_language', 'en-US,en;q=0.9', 'user_language', 'en-US,en;q=0.9'],
    ['ip', 'ip_fast', true, 'fast', 'true'],
    ['ip', 'mobile', 'true', 'mobile', 'true'],
    ['ip', 'allow_public_access_points', true, 'allow_public_access_points', 'true'],
    ['ip', 'lighter_penalties', true, 'lighter_penalties', 'true'],
    ['ip', 'transaction_strictness', 2, 'transaction_strictness', '2'],
    ['email', 'email_strictness', 2, 'strictness', '2'],
    ['email', 'abuse_strictness', '1', 'abuse_strictness', '1'],
    ['email', 'email_fast', true, 'fast', 'true'],
    ['email', 'email_timeout', 20, 'timeout', '20'],
    ['email', 'suggest_domain', true, 'suggest_domain', 'true'],
    ['url', 'url_strictness', 2, 'strictness', '2'],
    ['url', 'url_fast', true, 'fast', 'true'],
    ['url', 'url_timeout', 5, 'timeout', '5'],
    ['phone', 'phone_strictness', 1, 'strictness', '1'],
    ['phone', 'phone_countries', 'us, ca', 'country[]', ['US', 'CA']],
    ['phone', 'enhanced_line_check', true, 'enhanced_line_check', 'true'],
    ['phone', 'enhanced_name_check', true, 'enhanced_name_check', 'true'],
  ])('maps %s app param %s=%j to the IPQS parameter %s', (lookup, name, value, param, expected) => {
    expect(lookupParams(lookup, appParams({ [name]: value }))[param]).toStrictEqual(expected);
  });

  it.each<[LookupType, string]>([
    ['ip', 'email_strictness'],
    ['email', 'ip_strictness'],
    ['url', 'phone_strictness'],
    ['phone', 'url_timeout'],
  ])('does not let a %s lookup pick up %s', (lookup, name) => {
    expect(lookupParams(lookup, appParams({ [name]: 1 }))).toStrictEqual(lookupParams(lookup, appParams()));
  });

  it.each([
    ['user_agent', 'ip'],
    ['user_language', 'ip'],
    ['country[]', 'phone'],
  ] as const)('omits %s when it is not set', (param, lookup) => {
    expect(lookupParams(lookup, appParams())).not.toHaveProperty([param]);
  });

  it('passes extra_params rows through, after and over the app params', () => {
    const app = appParams({
      ip_strictness: 1,
      extra_params: [
        { key: 'strictness', value: '3' },
        { key: 'billing_country', value: 'US' },
        { key: 'userID', value: 'abc 123' },
      ],
    });

    expect(lookupParams('ip', app)).toMatchObject({
      strictness: '3',
      billing_country: 'US',
      userID: 'abc 123',
    });
  });

  it('sends repeated extra rows with one key as a list', () => {
    const app = appParams({
      extra_params: [
        { key: 'country[]', value: 'US' },
        { key: 'country[]', value: 'MX' },
        { key: 'sms_pumping', value: 'true' },
      ],
    });

    expect(lookupParams('phone', app)).toMatchObject({ 'country[]': ['US', 'MX'], sms_pumping: 'true' });
  });

  it.each<[LookupType, string]>([
    ['ip', 'key'],
    ['ip', 'KEY'],
    ['ip', 'ip'],
    ['email', 'email'],
    ['url', 'url'],
    ['phone', 'phone'],
    ['phone', 'phone[]'],
  ])('ignores an extra row that would override %s lookup param %s, with a reason', (lookup, key) => {
    const app = appParams({ extra_params: [{ key, value: 'evil' }] });

    const { params, ignored } = buildLookupParams(lookup, app);

    expect(params).not.toHaveProperty([key]);
    expect(Object.values(params)).not.toContain('evil');
    expect(ignored).toStrictEqual([
      { key, reason: expect.stringMatching(/header|indicator being looked up/) },
    ]);
  });

  it('lets an extra row named like another lookup value param through (url= on an ip lookup)', () => {
    const { params, ignored } = buildLookupParams(
      'ip',
      appParams({ extra_params: [{ key: 'url', value: 'x' }] }),
    );
    expect(params.url).toBe('x');
    expect(ignored).toStrictEqual([]);
  });
});

describe('serverTimeoutSeconds', () => {
  it.each<[LookupType, Record<string, unknown>, number | undefined]>([
    ['email', {}, 7],
    ['email', { email_timeout: 30 }, 30],
    ['url', {}, 2],
    ['url', { url_timeout: 9 }, 9],
    ['url', { extra_params: [{ key: 'timeout', value: '10' }] }, 10],
    ['email', { extra_params: [{ key: 'timeout', value: 'soon' }] }, 7],
    ['ip', { email_timeout: 30 }, undefined],
    ['phone', {}, undefined],
  ])('is the IPQS-side timeout of a %s lookup (%j): %s', (lookup, overrides, expected) => {
    expect(serverTimeoutSeconds(lookup, appParams(overrides))).toBe(expected);
  });
});
