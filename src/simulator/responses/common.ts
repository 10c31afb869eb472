/** Building blocks shared by the per-lookup answer builders: scores, dates and places. */
import type { Prng } from '../random';

/** The fixed "now" of every simulated answer, so ages and dates never change between runs. */
export const REFERENCE_TIME_SECONDS = Date.UTC(2026, 0, 1) / 1000;

const DAY_SECONDS = 86_400;

/** IPQS's `{human, timestamp, iso}` date object (domain_age, first_seen). */
export interface DateObject {
  readonly human: string;
  readonly timestamp: number;
  readonly iso: string;
}

function humanAge(days: number): string {
  if (days >= 730) return `${Math.floor(days / 365)} years ago`;
  if (days >= 365) return '1 year ago';
  if (days >= 60) return `${Math.floor(days / 30)} months ago`;
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** A date `minDays`-`maxDays` days before the reference time. */
export function pastDate(prng: Prng, minDays: number, maxDays: number): DateObject {
  const days = prng.int(minDays, maxDays);
  const timestamp = REFERENCE_TIME_SECONDS - days * DAY_SECONDS - prng.int(0, DAY_SECONDS - 1);
  const iso = new Date(timestamp * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  return { human: humanAge(days), timestamp, iso };
}

/**
 * A score for an ordinary (non-magic) value: mostly clean, some suspicious, a few high risk, so a batch
 * of random values looks like real traffic.
 */
export function ordinaryScore(prng: Prng): number {
  const band = prng.next();
  if (band < 0.7) return prng.int(0, 40);
  if (band < 0.85) return prng.int(41, 74);
  if (band < 0.95) return prng.int(75, 89);
  return prng.int(90, 100);
}

export interface Place {
  readonly country: string;
  readonly region: string;
  readonly city: string;
  readonly zip: string;
  readonly timezone: string;
  readonly latitude: number;
  readonly longitude: number;
}

export const PLACES: readonly Place[] = [
  {
    country: 'US',
    region: 'Virginia',
    city: 'Ashburn',
    zip: '20147',
    timezone: 'America/New_York',
    latitude: 39.04,
    longitude: -77.49,
  },
  {
    country: 'US',
    region: 'California',
    city: 'San Jose',
    zip: '95131',
    timezone: 'America/Los_Angeles',
    latitude: 37.39,
    longitude: -121.89,
  },
  {
    country: 'US',
    region: 'Hawaii',
    city: 'Honolulu',
    zip: 'N/A',
    timezone: 'Pacific/Honolulu',
    latitude: 21.31,
    longitude: -157.81,
  },
  {
    country: 'GB',
    region: 'England',
    city: 'London',
    zip: 'EC1A',
    timezone: 'Europe/London',
    latitude: 51.51,
    longitude: -0.09,
  },
  {
    country: 'DE',
    region: 'Hesse',
    city: 'Frankfurt am Main',
    zip: '60313',
    timezone: 'Europe/Berlin',
    latitude: 50.11,
    longitude: 8.68,
  },
  {
    country: 'NL',
    region: 'North Holland',
    city: 'Amsterdam',
    zip: '1012',
    timezone: 'Europe/Amsterdam',
    latitude: 52.37,
    longitude: 4.89,
  },
  {
    country: 'IN',
    region: 'Telangana',
    city: 'Hyderabad',
    zip: 'N/A',
    timezone: 'Asia/Kolkata',
    latitude: 17.38,
    longitude: 78.47,
  },
  {
    country: 'JP',
    region: 'Tokyo',
    city: 'Tokyo',
    zip: '100-0001',
    timezone: 'Asia/Tokyo',
    latitude: 35.69,
    longitude: 139.69,
  },
];

/** The place of a country, or N/A everywhere when the simulator knows none. */
export function placeIn(country: string | undefined): Place {
  return (
    PLACES.find((place) => place.country === country) ?? {
      country: country ?? 'N/A',
      region: 'N/A',
      city: 'N/A',
      zip: 'N/A',
      timezone: 'N/A',
      latitude: 0,
      longitude: 0,
    }
  );
}

/**
 * An address in the benchmarking block 198.18.0.0/15 (RFC 2544), for A records and server IPs: never
 * routed, and outside the TEST-NET blocks that hold the magic values.
 */
export function unroutableIp(prng: Prng): string {
  return `198.${prng.int(18, 19)}.${prng.int(0, 255)}.${prng.int(1, 254)}`;
}
