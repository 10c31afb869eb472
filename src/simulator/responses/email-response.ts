/** The fields of a simulated email validation answer (`/email`). */
import type { ScoredMagic } from '../magic-values';
import type { EmailSubject } from '../normalize';
import type { Prng } from '../random';
import { ordinaryScore, pastDate, unroutableIp } from './common';

const FREE_PROVIDERS = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'aol.com', 'icloud.com'];
const ROLE_ACCOUNTS = ['admin', 'info', 'sales', 'support', 'contact', 'billing', 'noreply'];

// personal data is never simulated: IPQS's own "not available" answers, empty lists
const NO_NAMES = { status: 'Enterprise Plus or higher required.', names: [] };
const NO_PHONES = { status: 'Enterprise Plus or higher required.', phone_numbers: [] };

function deliverability(valid: boolean, score: number): string {
  if (!valid) return 'low';
  return score >= 75 ? 'medium' : 'high';
}

/** Email fields for `subject`; a magic value fixes the score and sets its one flag (or none). */
export function emailFields(
  subject: EmailSubject,
  prng: Prng,
  magic: ScoredMagic | undefined,
): Record<string, unknown> {
  const score = magic ? magic.score : ordinaryScore(prng);
  const flagged = (ordinary: () => boolean): boolean => (magic ? magic.flag === 'flagged' : ordinary());
  const valid = magic ? magic.flag !== 'invalid' : prng.chance(0.92);
  const disposable = magic ? magic.flag === 'disposable' : score >= 75 && prng.chance(0.2);
  const generic = ROLE_ACCOUNTS.includes(subject.local);
  const catchAll = !magic && prng.chance(0.05);
  const honeypot = flagged(() => score >= 90 && prng.chance(0.2));
  return {
    valid,
    disposable,
    smtp_score: valid ? (catchAll ? 2 : 3) : -1,
    overall_score: valid ? (catchAll ? 3 : 4) : 0,
    first_name: generic ? 'CORPORATE' : 'UNKNOWN',
    generic,
    common: FREE_PROVIDERS.includes(subject.domain),
    dns_valid: true,
    honeypot,
    deliverability: deliverability(valid, score),
    frequent_complainer: flagged(() => score >= 85 && prng.chance(0.2)),
    spam_trap_score: honeypot ? 'high' : 'none',
    catch_all: catchAll,
    timed_out: false,
    suspect: catchAll,
    recent_abuse: flagged(() => score >= 85 && prng.chance(0.5)),
    fraud_score: score,
    suggested_domain: 'N/A',
    leaked: flagged(() => prng.chance(0.15)),
    domain_age: pastDate(prng, disposable ? 10 : 400, disposable ? 300 : 9000),
    first_seen: pastDate(prng, 1, 2000),
    domain_trust: score >= 75 ? 'low' : prng.pick(['trusted', 'neutral']),
    sanitized_email: subject.value,
    domain_velocity: score >= 75 ? 'high' : 'none',
    user_activity: score >= 75 ? 'low' : prng.pick(['high', 'medium']),
    associated_names: NO_NAMES,
    associated_phone_numbers: NO_PHONES,
    risky_tld: flagged(() => false),
    spf_record: prng.chance(0.8),
    dmarc_record: prng.chance(0.6),
    mx_records: [`mx1.${subject.domain}`, `mx2.${subject.domain}`],
    a_records: [unroutableIp(prng)],
    identity_data: [],
  };
}
