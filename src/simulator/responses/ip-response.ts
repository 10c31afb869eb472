/** The fields of a simulated IP reputation answer (`/ip`), in the order of the real response. */
import type { ScoredMagic } from '../magic-values';
import type { IpSubject } from '../normalize';
import type { Prng } from '../random';
import { ordinaryScore, PLACES } from './common';

interface Network {
  readonly isp: string;
  readonly asn: number;
  readonly connection: string;
}

// plausible but invented operators (ASNs from the private-use range 64512-65534)
const NETWORKS: readonly Network[] = [
  { isp: 'Example Broadband', asn: 64512, connection: 'Residential' },
  { isp: 'Sample Cable Co', asn: 64600, connection: 'Residential' },
  { isp: 'Demo Mobile Networks', asn: 64700, connection: 'Mobile' },
  { isp: 'Placeholder Cloud Hosting', asn: 64800, connection: 'Data Center' },
  { isp: 'Acme Corporate Networks', asn: 64900, connection: 'Corporate' },
  { isp: 'State University Network', asn: 65000, connection: 'Education' },
];

const ABUSE_EVENTS = ['Open Proxies', 'Abusive Users', 'IPQS Honeypots', 'Malware & Phishing', 'Bot Attacks'];

function velocity(score: number): string {
  if (score >= 90) return 'high';
  if (score >= 85) return 'medium';
  return score >= 75 ? 'low' : 'none';
}

function reverseHost(subject: IpSubject, network: Network): string {
  if (subject.kind === 'hostname') return subject.value;
  const label = subject.value.replace(/[.:]+/g, '-');
  return `${label}.${network.isp.toLowerCase().replace(/\s+/g, '-')}.example`;
}

/** IP fields for `subject`; a magic value fixes the score and sets every risk flag or none. */
export function ipFields(
  subject: IpSubject,
  prng: Prng,
  magic: ScoredMagic | undefined,
): Record<string, unknown> {
  const place = prng.pick(PLACES);
  const network = prng.pick(NETWORKS);
  const score = magic ? magic.score : ordinaryScore(prng);
  // magic values: all flags (flagged) or none (clean); ordinary values: flags that fit the score
  const flag = (ordinary: () => boolean): boolean => (magic ? magic.flag === 'flagged' : ordinary());
  const proxy = flag(() => score >= 75 && prng.chance(0.7));
  const vpn = flag(() => proxy && prng.chance(0.6));
  const tor = flag(() => proxy && !vpn && prng.chance(0.3));
  const recentAbuse = flag(() => score >= 85 && prng.chance(0.6));
  const abuseEvents = flag(() => recentAbuse) ? (magic ? ABUSE_EVENTS : prng.some(ABUSE_EVENTS, 2)) : [];
  return {
    fraud_score: score,
    country_code: place.country,
    region: place.region,
    city: place.city,
    ISP: network.isp,
    ASN: network.asn,
    // lower case, like the real 2026 sample (IPQS's docs say `Organization`)
    organization: network.isp,
    is_crawler: false,
    timezone: place.timezone,
    mobile: false,
    host: reverseHost(subject, network),
    proxy,
    vpn,
    tor,
    active_vpn: flag(() => vpn && prng.chance(0.5)),
    active_tor: flag(() => tor && prng.chance(0.5)),
    recent_abuse: recentAbuse,
    bot_status: flag(() => score >= 90 && prng.chance(0.5)),
    connection_type: network.connection,
    abuse_velocity: magic ? (magic.flag === 'flagged' ? 'high' : 'none') : velocity(score),
    shared_connection: prng.chance(0.2),
    dynamic_connection: network.connection === 'Residential' && prng.chance(0.5),
    frequent_abuser: flag(() => score >= 90 && prng.chance(0.5)),
    high_risk_attacks: flag(() => score >= 95 && prng.chance(0.4)),
    security_scanner: magic ? false : score >= 75 && prng.chance(0.1),
    trusted_network: magic ? false : score < 20 && prng.chance(0.1),
    zip_code: place.zip,
    latitude: place.latitude,
    longitude: place.longitude,
    abuse_events: abuseEvents,
    // user-agent fields: IPQS fills them only when a user_agent is passed; the simulator always sends them
    operating_system: 'N/A',
    browser: 'N/A',
    device_brand: 'N/A',
    device_model: 'N/A',
    transaction_details: { risk_score: score, risk_factors: [] },
  };
}
