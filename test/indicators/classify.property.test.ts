// Properties of classify over generated values: it is total, its normalization is idempotent and keeps
// the type, formatting and defanging do not change what a valid value normalizes to, and every reason it
// gives is one short line.
import fc from 'fast-check';
import { getCountries, getExampleNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';
import { classify } from '../../src/indicators/classify';
import type { ClassifyOptions } from '../../src/indicators/classify';
import { INDICATOR_TYPES } from '../../src/indicators/indicator-type';
import type { IndicatorType } from '../../src/indicators/indicator-type';

const MAX_REASON = 300;

/** classify, with the property's failure message saying what it returned. */
function expectType(raw: string, type: IndicatorType): string {
  const result = classify(raw);
  expect({ raw, result }).toEqual({ raw, result: { ok: true, type, value: expect.any(String) } });
  return result.ok ? result.value : '';
}

/** Classifying the normalized value gives it back, with the same type. */
function expectIdempotent(type: IndicatorType, value: string): void {
  expect(classify(value)).toEqual({ ok: true, type, value });
}

// fc.domain may build an `xn--` label that is not valid punycode, which classify rightly refuses.
const domain = fc.domain().filter((name) => !/(?:^|\.)xn--/i.test(name));

const email = fc
  .emailAddress()
  // refang reads `{.}`, `{dot}` and `{at}` as defanged; braces are legal but rare in a local part
  .filter((address) => !/\{(?:\.|dot|at)\}/i.test(address) && !/(?:@|\.)xn--/i.test(address));

const webUrl = fc
  .webUrl({
    withQueryParameters: true,
    withFragments: true,
    authoritySettings: { withIPv4: true, withIPv6: true, withPort: true, withUserInfo: true },
  })
  .filter((url) => !/\/\/(?:[^/?#]*[.@])?xn--/i.test(url));

/** Example phone numbers of every country, in E.164. */
const PHONE_NUMBERS = getCountries()
  .map((country) => getExampleNumber(country, examples))
  .filter((phone) => phone !== undefined)
  .map((phone) => ({ e164: phone.number, international: phone.formatInternational() }));

/** An example number written the ways people write one: spaces, dashes, dots, parentheses, tel:. */
const phone = fc
  .record({
    number: fc.constantFrom(...PHONE_NUMBERS),
    separator: fc.constantFrom(' ', '-', '.', ''),
    prefix: fc.constantFrom('', 'tel:', 'TEL:'),
  })
  .map(({ number, separator, prefix }) => ({
    e164: number.e164,
    text: `${prefix}${number.international.replace(/ /g, separator)}`,
  }));

const options: fc.Arbitrary<ClassifyOptions> = fc.record(
  {
    forced: fc.constantFrom(...INDICATOR_TYPES),
    defaultCountry: fc.constantFrom('US', 'GB', 'DE', 'IN', 'ZZ', 'uk'),
  },
  { requiredKeys: [] },
);

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(...'0123456789.:[]()@/-+ %#?x\u202E\u200B\n'), maxLength: 60 }),
);

describe('classify on valid generated values', () => {
  it('takes every IPv4 address as given', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(expectType(ip, 'ip')).toBe(ip);
      }),
    );
  });

  it('takes every IPv6 address as an IP, normalized once and for all', () => {
    fc.assert(
      fc.property(fc.ipV6(), (ip) => {
        expectIdempotent('ip', expectType(ip, 'ip'));
        expect(expectType(ip.toUpperCase(), 'ip')).toBe(expectType(ip, 'ip'));
      }),
    );
  });

  it('takes every email address, keeping the local part and lower-casing the domain', () => {
    fc.assert(
      fc.property(email, (address) => {
        const value = expectType(address, 'email');
        const at = address.lastIndexOf('@');
        expect(value).toBe(`${address.slice(0, at)}@${address.slice(at + 1).toLowerCase()}`);
        expectIdempotent('email', value);
      }),
    );
  });

  it('takes every web URL as a URL, normalized once and for all', () => {
    fc.assert(
      fc.property(webUrl, (url) => {
        expectIdempotent('url', expectType(url, 'url'));
      }),
    );
  });

  it('takes every domain, lower-cased', () => {
    fc.assert(
      fc.property(domain, (name) => {
        expect(expectType(name, 'domain')).toBe(name.toLowerCase());
        expectIdempotent('domain', name.toLowerCase());
      }),
    );
  });

  it('takes every example phone number however it is written, as its E.164 form', () => {
    fc.assert(
      fc.property(phone, ({ e164, text }) => {
        expect(expectType(text, 'phone')).toBe(e164);
        expectIdempotent('phone', e164);
      }),
    );
  });
});

/** Defangs `text` the ways threat reports do: dots, `@`, the scheme. */
function defang(text: string, dot: string, at: string): string {
  return text.replace(/^http/i, 'hxxp').replace(/\./g, dot).replace(/@/g, at);
}

const dots = fc.constantFrom('[.]', '(.)', '{.}', '[dot]', '(dot)', '{dot}', ' [.] ');
const ats = fc.constantFrom('[at]', '[@]', '(at)', '{at}', '[AT]');

describe('classify on defanged values', () => {
  it('normalizes a defanged IP address, domain or email address to what the live one gives', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), domain, email), dots, ats, (value, dot, at) => {
        expect(classify(defang(value, dot, at))).toEqual(classify(value));
      }),
    );
  });

  it('normalizes a defanged web URL to what the live one gives', () => {
    const hostUrl = webUrl.filter((url) => !/[@()[\]{}]/.test(url));
    fc.assert(
      fc.property(hostUrl, dots, (url, dot) => {
        const [, scheme = '', host = '', rest = ''] = /^([a-z]+):\/\/([^/?#]*)(.*)$/s.exec(url) ?? [];
        const defanged = `${scheme.replace('http', 'hxxp')}[://]${host.replace(/\./g, dot)}${rest}`;
        expect(classify(defanged)).toEqual(classify(url));
      }),
    );
  });
});

describe('classify on any text', () => {
  it('never throws, and answers a type and a value or a one-line reason', () => {
    fc.assert(
      fc.property(anyText, options, (text, given) => {
        const result = classify(text, given);
        if (result.ok) {
          expect(INDICATOR_TYPES).toContain(result.type);
          expect(result.value).not.toBe('');
          if (given.forced) expect(result.type).toBe(given.forced);
          return;
        }
        expect(result.reason).not.toMatch(/[\r\n\u0085\u2028\u2029]|\p{Cc}/u);
        expect(result.reason.length).toBeGreaterThan(0);
        expect(result.reason.length).toBeLessThanOrEqual(MAX_REASON);
      }),
    );
  });

  it('gives a normalized value that classifies to itself, with the same type', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = classify(text);
        if (result.ok) expectIdempotent(result.type, result.value);
      }),
    );
  });
});
