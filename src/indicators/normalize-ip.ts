/**
 * IP addresses: strict dotted-quad IPv4 and IPv6, normalized (IPv6 to RFC 5952 compressed lower case,
 * IPv4-mapped IPv6 to the IPv4 address it maps).
 */
import { IPv4, IPv6 } from 'ipaddr.js';
import { accepted, rejected } from './normalize-result';
import type { Normalized } from './normalize-result';

const DOTTED_QUAD = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV4_WITH_PORT = /^\d{1,3}(?:\.\d{1,3}){3}:\d*$/;
// Each `(?:[0-9a-f.]*:)` group ends at its own colon, so a value splits one way only: nested stars over
// the same characters backtracked cubically (a 2,000-colon value took seconds to refuse).
const CIDR = /^(?:\d{1,3}(?:\.\d{1,3}){3}|\[?(?:[0-9a-f.]*:)+[0-9a-f.]*\]?)\/\d{1,3}$/i;
// Hex digits, colons and dots with at least two colons: what an IPv6 address (maybe broken) looks like.
const IPV6_SHAPE = /^\[?(?:[0-9a-f.]*:){2,}[0-9a-f.]*(?:%[^\]]*)?\]?$/i;

/** True when the value looks like an IP address (broken or not), so its IP reason is the useful one. */
export function looksLikeIp(value: string): boolean {
  return (
    /^\d{1,3}(?:\.\d{1,3}){2,}(?::\d*)?$/.test(value) ||
    /^\d+(?:\.\d+){3}$/.test(value) ||
    CIDR.test(value) ||
    IPV6_SHAPE.test(value)
  );
}

/** True for an IP range in CIDR notation (`10.0.0.0/8`), which must not pass as a URL with a path. */
export function isCidr(value: string): boolean {
  return CIDR.test(value);
}

// Leading zeros are refused: inet_aton reads 010 as octal 8 while others read decimal 10, so the
// address such a value names depends on who parses it.
function ipv4Problem(value: string): string | undefined {
  const octets = value.split('.');
  if (octets.some((octet) => octet.length > 1 && octet.startsWith('0'))) {
    return 'leading zeros in an octet are ambiguous';
  }
  if (octets.some((octet) => Number(octet) > 255)) return 'octet above 255';
  return undefined;
}

function normalizeIpv4(value: string): Normalized {
  const problem = ipv4Problem(value);
  return problem === undefined ? accepted(IPv4.parse(value).toString()) : rejected(problem);
}

function normalizeIpv6(value: string): Normalized {
  if (value.includes('%')) return rejected('IPv6 zone ids are not allowed');
  if (!IPv6.isValid(value)) return rejected('not a valid IPv6 address');
  // ipaddr.js accepts an embedded IPv4 with leading zeros; apply the same strict rule as for IPv4.
  const embedded = /(\d+\.\d+\.\d+\.\d+)$/.exec(value)?.[1];
  const problem = embedded === undefined ? undefined : ipv4Problem(embedded);
  if (problem !== undefined) return rejected(problem);
  const address = IPv6.parse(value);
  // ::ffff:a.b.c.d is the IPv4 host a.b.c.d; looking it up as IPv4 gives the same answer once.
  if (address.isIPv4MappedAddress()) return accepted(address.toIPv4Address().toString());
  return accepted(address.toRFC5952String());
}

/** Normalizes an IPv4 or IPv6 address; ports, CIDR ranges, zone ids and short or octal-looking IPv4 are refused. */
export function normalizeIp(raw: string): Normalized {
  if (DOTTED_QUAD.test(raw)) return normalizeIpv4(raw);
  if (IPV4_WITH_PORT.test(raw)) return rejected('ports are not allowed');
  if (CIDR.test(raw)) return rejected('CIDR ranges are not supported');
  if (/^\d+(?:\.\d+){3}$/.test(raw)) return rejected(ipv4Problem(raw) ?? 'octet above 255');
  if (/^\d+(?:\.\d+)+$/.test(raw)) return rejected('IPv4 has exactly four dotted octets');
  const bracketed = /^\[([^\]]*)\]$/.exec(raw);
  if (bracketed?.[1] !== undefined) return normalizeIpv6(bracketed[1]);
  if (/^\[[^\]]*\]:\d*$/.test(raw)) return rejected('ports are not allowed');
  if (IPV6_SHAPE.test(raw)) return normalizeIpv6(raw);
  return rejected();
}
