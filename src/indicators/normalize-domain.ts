/**
 * Domain names (host names): lower case, trailing dot removed, IDN converted to punycode, each label checked
 * against the letter-digit-hyphen rule and the last one required to be a real-looking top-level domain.
 */
import { domainToASCII, domainToUnicode } from 'node:url';
import { accepted, rejected } from './normalize-result';
import type { Normalized } from './normalize-result';

export interface DomainRules {
  /** Accept `_` inside labels: browsers and DNS allow it in URL hosts, though not in host names. */
  readonly allowUnderscore?: boolean;
}

const MAX_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
// A TLD is letters (IANA has no numeric TLDs, which also keeps dotted numbers out) or an IDN in punycode
// whose Unicode form is letters too (with the combining marks scripts such as Devanagari need), so
// Arabic-Indic digits (`١.٢.٣.٤`) or an emoji do not pass as a top-level domain.
const ASCII_TLD = /^[a-z]{2,63}$/;
const IDN_TLD = /^xn--[a-z0-9-]{1,59}$/;
const IDN_TLD_TEXT = /^[\p{L}\p{Mn}\p{Mc}]+$/u;

function asciiProblem(raw: string, rules: DomainRules): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\/|\//i.test(raw)) return 'has a scheme or a path';
  if (raw.includes('@')) return 'has an @';
  if (raw.includes(':')) return 'has a colon';
  const allowed = rules.allowUnderscore ? /^[a-z0-9._-]$/i : /^[a-z0-9.-]$/i;
  // Non-ASCII characters are left to IDN conversion; ASCII ones must be letters, digits, dots or hyphens.
  const bad = [...raw].some((char) => char.charCodeAt(0) < 0x80 && !allowed.test(char));
  return bad ? 'invalid characters' : undefined;
}

function toAscii(raw: string): string | undefined {
  // Plain ASCII skips domainToASCII, which would also rewrite number forms such as 0x7f.1 into IPv4.
  const ascii = /\P{ASCII}/u.test(raw) ? domainToASCII(raw) : raw.toLowerCase();
  if (ascii === '') return undefined;
  // domainToASCII checks punycode; run it on xn-- labels typed in directly too.
  if (/(?:^|\.)xn--/.test(ascii) && domainToASCII(ascii) === '') return undefined;
  return ascii;
}

function isTld(label: string): boolean {
  if (ASCII_TLD.test(label)) return true;
  return IDN_TLD.test(label) && IDN_TLD_TEXT.test(domainToUnicode(label));
}

function labelProblem(label: string, rules: DomainRules): string | undefined {
  if (label === '') return 'empty label';
  if (label.length > MAX_LABEL_LENGTH) return `a label is longer than ${MAX_LABEL_LENGTH} characters`;
  const pattern = rules.allowUnderscore ? /^[a-z0-9_-]+$/ : /^[a-z0-9-]+$/;
  if (!pattern.test(label)) return 'invalid characters';
  if (label.startsWith('-') || label.endsWith('-')) return 'a label starts or ends with a hyphen';
  return undefined;
}

/** Normalizes a domain name such as `Bücher.Example.` to `xn--bcher-kva.example`, or says why it is not one. */
export function normalizeDomain(raw: string, rules: DomainRules = {}): Normalized {
  const problem = asciiProblem(raw, rules);
  if (problem !== undefined) return rejected(problem);
  const converted = toAscii(raw);
  if (converted === undefined) return rejected('not a valid international domain name');
  const domain = converted.endsWith('.') ? converted.slice(0, -1) : converted;
  if (domain === '') return rejected('empty');
  if (domain.length > MAX_LENGTH) return rejected(`longer than ${MAX_LENGTH} characters`);
  const labels = domain.split('.');
  if (labels.length < 2) return rejected('no top-level domain');
  for (const label of labels) {
    const issue = labelProblem(label, rules);
    if (issue !== undefined) return rejected(issue);
  }
  if (!isTld(labels[labels.length - 1] ?? '')) return rejected('the top-level domain is not valid');
  return accepted(domain);
}
