/**
 * Email addresses: one `@`, an RFC 5322 dot-atom local part (case kept, as mailboxes may be case-sensitive)
 * and a valid domain (lower case, punycode). A `mailto:` prefix is dropped.
 */
import { normalizeDomain } from './normalize-domain';
import { accepted, rejected } from './normalize-result';
import type { Normalized } from './normalize-result';

const MAX_LOCAL_LENGTH = 64;
// RFC 5321 limits a forward path to 256 octets, the address inside it to 254.
const MAX_LENGTH = 254;
// RFC 5322 atext; quoted local parts and comments are not accepted (they are vanishingly rare in intel).
const ATEXT = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+$/i;

function localProblem(local: string): string | undefined {
  if (local === '') return 'nothing before the @';
  if (local.length > MAX_LOCAL_LENGTH) return `more than ${MAX_LOCAL_LENGTH} characters before the @`;
  const atoms = local.split('.');
  if (atoms.some((atom) => atom === '')) return 'misplaced dot before the @';
  if (!atoms.every((atom) => ATEXT.test(atom))) return 'invalid characters before the @';
  return undefined;
}

/** Normalizes an email address such as `John.Doe@Example.COM` to `John.Doe@example.com`, or says why it is not one. */
export function normalizeEmail(raw: string): Normalized {
  const address = raw.replace(/^mailto:/i, '');
  const parts = address.split('@');
  if (parts.length < 2) return rejected('no @');
  if (parts.length > 2) return rejected('more than one @');
  const [local = '', domainPart = ''] = parts;
  const problem = localProblem(local);
  if (problem !== undefined) return rejected(problem);
  if (domainPart === '') return rejected('nothing after the @');
  const domain = normalizeDomain(domainPart);
  if (!domain.ok) return rejected(domain.reason === '' ? 'invalid domain' : `domain: ${domain.reason}`);
  const normalized = `${local}@${domain.value}`;
  if (normalized.length > MAX_LENGTH) return rejected(`longer than ${MAX_LENGTH} characters`);
  return accepted(normalized);
}
