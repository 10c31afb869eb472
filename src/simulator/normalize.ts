/**
 * Checks and normalizes a looked-up value the way the simulator keys its answers: a value IPQS itself
 * would reject yields `undefined` (an "invalid input" answer); anything else yields the canonical form
 * that seeds the answer and is matched against the magic values.
 */
import { isIPv4, isIPv6 } from 'node:net';
import ipaddr from 'ipaddr.js';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { CountryCode, PhoneNumber } from 'libphonenumber-js';
import type { LookupType } from '../ipqs/fields';

export interface IpSubject {
  readonly type: 'ip';
  readonly value: string;
  readonly kind: 'ipv4' | 'ipv6' | 'hostname';
}

export interface EmailSubject {
  readonly type: 'email';
  readonly value: string;
  readonly local: string;
  readonly domain: string;
}

export interface UrlSubject {
  readonly type: 'url';
  /** The URL as scanned (a scheme added to a bare domain). */
  readonly value: string;
  readonly host: string;
}

export interface PhoneSubject {
  readonly type: 'phone';
  /** E.164 digits without the `+`. */
  readonly value: string;
  readonly parsed: PhoneNumber | undefined;
}

/** A value the simulator accepted, in canonical form. */
export type Subject = IpSubject | EmailSubject | UrlSubject | PhoneSubject;

// labels of letters, digits, '-' and '_'; the last label (the TLD) starts with a letter, so 999.1.1.1 is no hostname
const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z][a-z0-9-]{0,62}$/;

export function isHostname(value: string): boolean {
  return HOSTNAME.test(value);
}

function ipSubject(raw: string): IpSubject | undefined {
  const value = raw.trim().toLowerCase().replace(/\.$/, '');
  if (isIPv4(value)) return { type: 'ip', value, kind: 'ipv4' };
  if (isIPv6(value)) return { type: 'ip', value: ipaddr.IPv6.parse(value).toString(), kind: 'ipv6' };
  return isHostname(value) ? { type: 'ip', value, kind: 'hostname' } : undefined;
}

function emailSubject(raw: string): EmailSubject | undefined {
  const value = raw.trim().toLowerCase();
  const match = /^([^\s@]+)@([^\s@]+)$/.exec(value);
  if (!match?.[1] || !match[2] || !isHostname(match[2])) return undefined;
  return { type: 'email', value, local: match[1], domain: match[2] };
}

function urlSubject(raw: string): UrlSubject | undefined {
  const trimmed = raw.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  const host = url.hostname.replace(/\.$/, '');
  const isIp = isIPv4(host) || (host.startsWith('[') && isIPv6(host.slice(1, -1)));
  if (!/^(https?|ftp):$/.test(url.protocol) || (!isIp && !isHostname(host))) return undefined;
  return { type: 'url', value: withScheme, host };
}

function phoneSubject(raw: string, country: string | undefined): PhoneSubject | undefined {
  const compact = raw.trim().replace(/[\s().-]/g, '');
  const match = /^(\+?)(\d{4,15})$/.exec(compact);
  if (!match?.[2]) return undefined;
  const digits = match[2];
  // IPQS reads bare digits as international unless a country says otherwise
  const national =
    !match[1] && country
      ? parsePhoneNumberFromString(digits, country.toUpperCase() as CountryCode)
      : undefined;
  const parsed = national?.isValid() ? national : parsePhoneNumberFromString(`+${digits}`);
  return { type: 'phone', value: parsed ? parsed.number.slice(1) : digits, parsed };
}

/** The canonical subject of a lookup, or `undefined` when IPQS would answer "invalid input". */
export function normalizeSubject(type: LookupType, raw: string, country?: string): Subject | undefined {
  switch (type) {
    case 'ip':
      return ipSubject(raw);
    case 'email':
      return emailSubject(raw);
    case 'url':
      return urlSubject(raw);
    case 'phone':
      return phoneSubject(raw, country);
  }
}
