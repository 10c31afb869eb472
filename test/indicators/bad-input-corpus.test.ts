// The bad-input corpus through classify: every value is refused with a reason that is one short line,
// free of control characters and never the value itself; the tricky-but-valid values are accepted.
import vm from 'node:vm';
import { classify } from '../../src/indicators/classify';
import { INDICATOR_TYPES } from '../../src/indicators/indicator-type';
import { ACCEPTED_INPUTS, BAD_INPUTS, BAD_INPUT_FAMILIES } from '../fixtures/bad-inputs';

const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/;
const CONTROL = /\p{Cc}/u;
const MAX_REASON = 300;

/** A label for a test name: the value cut short, with its family. */
function label(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...(${value.length})` : value);
}

function expectSafeReason(reason: string, value: string): void {
  expect(reason).not.toMatch(LINE_BREAK);
  expect(reason).not.toMatch(CONTROL);
  expect(reason.length).toBeGreaterThan(0);
  expect(reason.length).toBeLessThanOrEqual(MAX_REASON);
  // the caller prefixes the (cut) value; the reason itself never repeats a long one
  if (value.trim().length >= 24) expect(reason).not.toContain(value.trim());
}

describe('the bad-input corpus', () => {
  it('holds at least 300 distinct values, each with a reason it is bad', () => {
    const values = BAD_INPUTS.map(({ value }) => value);
    expect(new Set(values).size).toBe(values.length);
    expect(values.length).toBeGreaterThanOrEqual(300);
    for (const { why } of BAD_INPUTS) expect(why.trim()).not.toBe('');
    for (const inputs of Object.values(BAD_INPUT_FAMILIES)) expect(inputs.length).toBeGreaterThan(0);
  });

  it.each(BAD_INPUTS.map((input) => [input.family, label(input.value), input] as const))(
    'refuses the %s value %s with a one-line reason',
    (_family, _label, { value }) => {
      const result = classify(value);
      expect(result.ok).toBe(false);
      if (!result.ok) expectSafeReason(result.reason, value);
    },
  );

  it.each(INDICATOR_TYPES)('gives one-line reasons for every value it refuses as a forced %s', (forced) => {
    for (const { value } of BAD_INPUTS) {
      const result = classify(value, { forced });
      if (!result.ok) {
        expect(result.type).toBe(forced);
        expectSafeReason(result.reason, value);
      }
    }
  });
});

describe('values that only look bad', () => {
  it.each(ACCEPTED_INPUTS.map((input) => [label(input.value), input.type, input] as const))(
    'classifies %s as a %s',
    (_label, type, { value, normalized }) => {
      expect(classify(value)).toEqual({ ok: true, type, value: normalized });
    },
  );
});

describe('classify regressions found by the corpus', () => {
  /**
   * Runs `work` under vm's watchdog, which stops even synchronous code: a hang guard (two seconds against
   * the millisecond the work takes), not a timing. Jest's own timeout cannot stop a blocked event loop.
   */
  function guarded<T>(work: () => T): T {
    return vm.runInNewContext('work()', { work }, { timeout: 2000 }) as T;
  }

  // Nested `[0-9a-f:.]*` stars in the IPv6 and CIDR shapes backtracked cubically: a 2,048-character run of
  // colons took over ten seconds to refuse.
  it.each([
    [`${':'.repeat(2047)}x`],
    [`[${':'.repeat(2046)}g`],
    [`${'a:'.repeat(1023)}g`],
    [`${'1:'.repeat(1023)}/x`],
  ])('refuses the backtracking trap %# without hanging', (value) => {
    expect(guarded(() => classify(value))).toEqual({ ok: false, reason: expect.stringMatching(/^not /) });
    expect(guarded(() => classify(value, { forced: 'ip' }))).toMatchObject({ ok: false, type: 'ip' });
  });

  it.each([
    ['١.٢.٣.٤', 'Arabic-Indic digits posing as an IPv4 address'],
    ['example.١٢٣', 'a top-level domain of Arabic-Indic digits'],
    ['example.😀', 'an emoji top-level domain'],
    ['example.xn--dib', 'the punycode of an Arabic-Indic digit as the top-level domain'],
  ])('refuses %j as a domain: %s', (value) => {
    expect(classify(value, { forced: 'domain' })).toEqual({
      ok: false,
      type: 'domain',
      reason: 'not a domain (the top-level domain is not valid)',
    });
  });

  it.each([
    ['пример.рф', 'xn--e1afmkfd.xn--p1ai'],
    ['example.भारत', 'example.xn--h2brj9c'],
    ['example.ไทย', 'example.xn--o3cw4h'],
    ['example.xn--p1ai', 'example.xn--p1ai'],
  ])('still accepts the letter IDN top-level domain of %j', (value, normalized) => {
    expect(classify(value)).toEqual({ ok: true, type: 'domain', value: normalized });
  });
});

describe('classify on what an embedded variable left behind', () => {
  it.each([
    ['<null>', 'an embedded playbook variable had no value'],
    [' <binary> ', 'an embedded Binary variable cannot be an indicator'],
  ])('refuses the placeholder %j saying why', (value, reason) => {
    expect(classify(value)).toEqual({ ok: false, reason });
    expect(classify(value, { forced: 'ip' })).toEqual({ ok: false, type: 'ip', reason });
  });
});
