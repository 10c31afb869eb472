/**
 * Classifies one raw indicator value: refangs it, finds its type (or checks the forced one) and normalizes it,
 * or says in one line why it is not usable. An invalid value is the caller's per-indicator error and costs no
 * request.
 */
import { EMBEDDED_BINARY, EMBEDDED_NULL } from '../tc/playbook/embedded-placeholders';
import { INDICATOR_TYPES } from './indicator-type';
import type { IndicatorType } from './indicator-type';
import { normalizeDomain } from './normalize-domain';
import { normalizeEmail } from './normalize-email';
import { looksLikeIp, normalizeIp } from './normalize-ip';
import { looksLikePhone, normalizePhone } from './normalize-phone';
import type { Normalized } from './normalize-result';
import { normalizeUrl, schemeOf } from './normalize-url';
import { refang } from './refang';

export type Classified =
  | { readonly ok: true; readonly type: IndicatorType; readonly value: string }
  | { readonly ok: false; readonly type?: IndicatorType; readonly reason: string };

export interface ClassifyOptions {
  /** Try only this type (the `indicator_type` choice or a TCEntity's type); otherwise auto-detect. */
  readonly forced?: IndicatorType;
  /** ISO-2 country for phone numbers written without a `+` country code. */
  readonly defaultCountry?: string;
}

/** Longest value accepted; longer ones are refused before any parsing. */
export const MAX_INDICATOR_LENGTH = 2048;

export const AUTO_DETECT_FAILURE = 'not an IP address, email address, URL, domain or phone number';

const NOUNS: Readonly<Record<IndicatorType, string>> = {
  ip: 'an IP address',
  email: 'an email address',
  url: 'a URL',
  domain: 'a domain',
  phone: 'a valid phone number',
};

// Invisible characters that change how a value displays or compares (zero-width space, word joiner, BOM,
// bidi marks, embeddings, overrides and isolates). ZWJ and ZWNJ are left alone: some scripts' IDNs use them.
const INVISIBLE = /[\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
// Schemes that mark a value as meant to be a URL, so its URL reason is the useful one.
const URL_SCHEMES = /^(?:javascript|vbscript|data|file|blob|about)$/i;

function normalizeAs(type: IndicatorType, value: string, options: ClassifyOptions): Normalized {
  switch (type) {
    case 'ip':
      return normalizeIp(value);
    case 'email':
      return normalizeEmail(value);
    case 'url':
      // A bare host is a domain to auto-detect; only a forced URL gets http:// added to it.
      return normalizeUrl(value, { requireSchemeOrPath: options.forced === undefined });
    case 'domain':
      return normalizeDomain(value);
    case 'phone':
      return normalizePhone(value, options.defaultCountry);
  }
}

/** One line with no control characters, so a reason is safe to log and to write as an output. */
function oneLine(text: string): string {
  return text
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function failure(reason: string, type?: IndicatorType): Classified {
  const line = oneLine(reason);
  return type === undefined ? { ok: false, reason: line } : { ok: false, type, reason: line };
}

function notA(type: IndicatorType, detail: string): Classified {
  return failure(detail === '' ? `not ${NOUNS[type]}` : `not ${NOUNS[type]} (${detail})`, type);
}

/** The type an unrecognised value was most likely meant to be, so its reason can say what is wrong. */
function likelyType(value: string): IndicatorType | undefined {
  if (/^mailto:/i.test(value)) return 'email';
  if (/^tel:/i.test(value)) return 'phone';
  if (looksLikeIp(value)) return 'ip';
  const scheme = schemeOf(value);
  if (value.includes('://') || (scheme !== undefined && URL_SCHEMES.test(scheme))) return 'url';
  if (value.includes('@')) return 'email';
  if (looksLikePhone(value)) return 'phone';
  // A dotted name with a letter and nothing a domain cannot hold: a broken domain (`-a.com`, `a.123`).
  if (/^[^\s@/:]+\.[^\s@/:]+$/.test(value) && /\p{L}/u.test(value)) return 'domain';
  return undefined;
}

function autoDetect(value: string, options: ClassifyOptions): Classified {
  const reasons = new Map<IndicatorType, string>();
  for (const type of INDICATOR_TYPES) {
    const result = normalizeAs(type, value, options);
    if (result.ok) return { ok: true, type, value: result.value };
    reasons.set(type, result.reason);
  }
  const likely = likelyType(value);
  return likely === undefined ? failure(AUTO_DETECT_FAILURE) : notA(likely, reasons.get(likely) ?? '');
}

function precheck(trimmed: string): string | undefined {
  if (trimmed === '') return 'empty value';
  // What an embedded playbook variable became when the reader could not show its value.
  if (trimmed === EMBEDDED_NULL) return 'an embedded playbook variable had no value';
  if (trimmed === EMBEDDED_BINARY) return 'an embedded Binary variable cannot be an indicator';
  if (trimmed.length > MAX_INDICATOR_LENGTH) return `too long (${trimmed.length} characters)`;
  if (/\p{Cc}/u.test(trimmed)) return 'contains control characters';
  if (INVISIBLE.test(trimmed)) return 'contains invisible formatting characters';
  return undefined;
}

/**
 * Classifies and normalizes one raw value. Reasons are one line and never repeat the value (the caller
 * prefixes it); a forced type is the only one tried and its reason names it, e.g. `not a URL (no host)`.
 */
export function classify(raw: string, options: ClassifyOptions = {}): Classified {
  const trimmed = raw.trim();
  const problem = precheck(trimmed);
  if (problem !== undefined) return failure(problem, options.forced);
  const value = refang(trimmed);
  if (options.forced === undefined) return autoDetect(value, options);
  const result = normalizeAs(options.forced, value, options);
  return result.ok
    ? { ok: true, type: options.forced, value: result.value }
    : notA(options.forced, result.reason);
}
