/**
 * The five indicator types the app enriches, and how each is picked: from the `indicator_type` choice, from a
 * TCEntity's ThreatConnect type, and which IPQS lookup serves it (domains ride on the URL scanner).
 */
import type { LookupType } from '../ipqs/fields';
import type { IndicatorTypeChoice } from '../tc/params';

/** Every indicator type, in auto-detect order. */
export const INDICATOR_TYPES = ['ip', 'email', 'url', 'domain', 'phone'] as const;

/** One kind of indicator, as written to `ipqs.indicator_type`. */
export type IndicatorType = (typeof INDICATOR_TYPES)[number];

const LOOKUP_OF: Readonly<Record<IndicatorType, LookupType>> = {
  ip: 'ip',
  email: 'email',
  url: 'url',
  domain: 'url',
  phone: 'phone',
};

/** The IPQS endpoint that looks up an indicator type: domains use `url`, the others their own. */
export function lookupTypeOf(type: IndicatorType): LookupType {
  return LOOKUP_OF[type];
}

const CHOICE_TYPES: Readonly<Record<IndicatorTypeChoice, IndicatorType | undefined>> = {
  'Auto-Detect': undefined,
  'IP Address': 'ip',
  'Email Address': 'email',
  URL: 'url',
  Domain: 'domain',
  'Phone Number': 'phone',
};

/** The type forced by the `indicator_type` choice, or undefined for Auto-Detect. */
export function typeFromChoice(choice: IndicatorTypeChoice): IndicatorType | undefined {
  return CHOICE_TYPES[choice];
}

// Keys are lower case: ThreatConnect spells its types in CamelCase but older apps and hand-made
// entities vary. Phone is not a built-in TC indicator type; the names custom types commonly use map to it.
const TC_ENTITY_TYPES: ReadonlyMap<string, IndicatorType> = new Map([
  ['address', 'ip'],
  ['emailaddress', 'email'],
  ['url', 'url'],
  ['host', 'domain'],
  ['phone', 'phone'],
  ['phone number', 'phone'],
  ['phonenumber', 'phone'],
]);

/** The type a TCEntity's ThreatConnect `type` names (case-insensitive), or undefined when it names none of ours. */
export function typeFromTcEntity(tcType: string): IndicatorType | undefined {
  return TC_ENTITY_TYPES.get(tcType.trim().toLowerCase());
}
