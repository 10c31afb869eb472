/** The fields of a simulated malicious URL scanner answer (`/url`, also used for domains). */
import type { ScoredMagic } from '../magic-values';
import type { UrlSubject } from '../normalize';
import type { Prng } from '../random';
import { ordinaryScore, pastDate, PLACES, unroutableIp } from './common';

// ` gws\r\n` is a real banner: IPQS passes server headers through untrimmed
const SERVERS = ['nginx', 'Apache', 'cloudflare', 'Microsoft-IIS/10.0', ' gws\r\n', 'N/A'];
const CATEGORIES = ['Business', 'Technology', 'News & Media', 'Shopping', 'Education', 'Entertainment'];
const TECHNOLOGIES = ['Nginx', 'jQuery', 'Bootstrap', 'Google Analytics', 'WordPress', 'React'];

function rootDomain(host: string): string {
  return host.split('.').slice(-2).join('.');
}

function category(magic: ScoredMagic | undefined, prng: Prng): string {
  if (magic?.flag === 'phishing') return 'Phishing';
  if (magic?.flag === 'malware') return 'Malware';
  return prng.pick(CATEGORIES);
}

/** URL fields for `subject`; a magic value fixes the score and sets its flags (or none). */
export function urlFields(
  subject: UrlSubject,
  prng: Prng,
  magic: ScoredMagic | undefined,
): Record<string, unknown> {
  const score = magic ? magic.score : ordinaryScore(prng);
  const only = (wanted: ScoredMagic['flag'], ordinary: () => boolean): boolean =>
    magic ? magic.flag === wanted : ordinary();
  const phishing = only('phishing', () => score >= 90 && prng.chance(0.5));
  const malware = only('malware', () => score >= 90 && !phishing && prng.chance(0.5));
  const suspicious = only('flagged', () => score >= 75);
  const unsafe = phishing || malware || suspicious;
  const reachable = magic ? true : prng.chance(0.9);
  const redirected = !magic && prng.chance(0.15);
  return {
    unsafe,
    domain: subject.host,
    root_domain: rootDomain(subject.host),
    ip_address: reachable ? unroutableIp(prng) : 'N/A',
    country_code: prng.pick(PLACES).country,
    language_code: 'en',
    server: reachable ? prng.pick(SERVERS) : 'N/A',
    content_type: reachable ? 'text/html; charset=UTF-8' : 'N/A',
    status_code: reachable ? 200 : 0,
    page_size: reachable ? prng.int(2_000, 400_000) : 0,
    domain_rank: score < 30 && prng.chance(0.3) ? prng.int(1, 100_000) : 0,
    dns_valid: true,
    parking: !magic && score >= 55 && prng.chance(0.1),
    spamming: only('flagged', () => score >= 85 && prng.chance(0.3)),
    malware,
    phishing,
    suspicious,
    adult: !magic && prng.chance(0.03),
    risk_score: score,
    category: category(magic, prng),
    domain_age: pastDate(prng, score >= 75 ? 1 : 200, score >= 75 ? 120 : 9000),
    domain_trust: score >= 75 ? 'low' : prng.pick(['trusted', 'neutral']),
    redirected,
    short_link_redirect: false,
    hosted_content: !magic && prng.chance(0.05),
    page_title: reachable ? `Welcome to ${subject.host}` : 'N/A',
    risky_tld: only('flagged', () => false),
    spf_record: prng.chance(0.7),
    dmarc_record: prng.chance(0.5),
    technologies: reachable ? prng.some(TECHNOLOGIES, 2) : [],
    a_records: [unroutableIp(prng)],
    mx_records: [`mx.${rootDomain(subject.host)}`],
    ns_records: [`ns1.${rootDomain(subject.host)}`, `ns2.${rootDomain(subject.host)}`],
    final_url: redirected ? subject.value.replace(/^http:/, 'https:') : subject.value,
    scanned_url: subject.value,
  };
}
