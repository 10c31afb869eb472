/**
 * Phone numbers: digits with the usual separators, parsed and validated by libphonenumber-js (full metadata)
 * and normalized to E.164 (`+12025550143`), using the default country for numbers without a `+` prefix.
 */
import type * as PhoneLibrary from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import { accepted, rejected } from './normalize-result';
import type { Normalized } from './normalize-result';

let library: typeof PhoneLibrary | undefined;

/** libphonenumber-js with its full metadata (~240 KB), loaded on the first phone number, not at start-up. */
function phoneLibrary(): typeof PhoneLibrary {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  library ??= require('libphonenumber-js/max') as typeof PhoneLibrary;
  return library;
}

// `+`, digits, spaces, dashes, dots and parentheses, after an optional `tel:`; letters (vanity numbers,
// extensions) are refused rather than guessed at.
const PHONE_SHAPE = /^(?:tel:)?\s*\+?[\d\s().-]+$/i;
// IPQS documents `UK` (its `country[]` examples); ISO 3166 and libphonenumber say `GB`.
const COUNTRY_ALIASES: Readonly<Record<string, string>> = { UK: 'GB' };

/** The libphonenumber country for an ISO-2 code such as `us` or `UK`, or undefined when it knows none. */
export function phoneCountry(code: string | undefined): CountryCode | undefined {
  if (code === undefined) return undefined;
  const upper = code.trim().toUpperCase();
  const country = COUNTRY_ALIASES[upper] ?? upper;
  return phoneLibrary().isSupportedCountry(country) ? country : undefined;
}

/** True when the value is made only of what a phone number is written with (and has a digit). */
export function looksLikePhone(raw: string): boolean {
  return PHONE_SHAPE.test(raw) && /\d/.test(raw);
}

function invalidReason(number: string, country: CountryCode | undefined): string {
  if (number.startsWith('+')) return '';
  return country === undefined ? 'no country code and no default country' : country;
}

/** Normalizes a phone number to E.164, or says why it is not a valid one. */
export function normalizePhone(raw: string, defaultCountry?: string): Normalized {
  if (!looksLikePhone(raw)) return rejected('only digits, spaces, +, -, . and parentheses are allowed');
  const number = raw.replace(/^tel:/i, '').trim();
  const country = phoneCountry(defaultCountry);
  const parsed = phoneLibrary().parsePhoneNumberFromString(number, country);
  if (parsed?.isValid() !== true) return rejected(invalidReason(number, country));
  return accepted(parsed.number);
}
