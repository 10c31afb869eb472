/** The fields of a simulated phone validation answer (`/phone`), in the order of the real response. */
import type { ScoredMagic } from '../magic-values';
import type { PhoneSubject } from '../normalize';
import type { Prng } from '../random';
import { ordinaryScore, placeIn } from './common';

const CARRIERS = ['Example Wireless', 'Sample Telecom', 'Demo Mobile', 'Placeholder Voice'];

// libphonenumber's number types, as IPQS names line types
const LINE_TYPES: Readonly<Record<string, string>> = {
  MOBILE: 'Mobile',
  FIXED_LINE: 'Landline',
  FIXED_LINE_OR_MOBILE: 'Landline',
  TOLL_FREE: 'Toll Free',
  PREMIUM_RATE: 'Premium Rate',
  VOIP: 'VOIP',
  PAGER: 'Pager',
};

// the real answer when the number recycling feature is off (fixtures/ipqs-real/phone.json)
const NUMBER_RECYCLING = {
  message: 'Number recycling feature disabled. Please contact support to activate.',
  recently_recycled: null,
  last_ported_date: null,
  ported: null,
};

function lineType(subject: PhoneSubject, prng: Prng): string {
  const type = subject.parsed?.getType();
  return (type && LINE_TYPES[type]) ?? prng.pick(['Mobile', 'Landline']);
}

/** Phone fields for `subject`; a magic value fixes the score and sets its flags (or none). */
export function phoneFields(
  subject: PhoneSubject,
  prng: Prng,
  magic: ScoredMagic | undefined,
): Record<string, unknown> {
  const parsed = subject.parsed;
  const place = placeIn(parsed?.country);
  const score = magic ? magic.score : ordinaryScore(prng);
  const flagged = (ordinary: () => boolean): boolean => (magic ? magic.flag === 'flagged' : ordinary());
  const valid = magic ? magic.flag !== 'invalid' : (parsed?.isValid() ?? false);
  const active = magic ? magic.flag !== 'invalid' && magic.flag !== 'inactive' : valid && prng.chance(0.9);
  const voip = flagged(() => score >= 75 && prng.chance(0.4));
  // IPQS leaves `prepaid` null when the carrier does not say; ordinary values reproduce that quirk
  const prepaid = magic ? magic.flag === 'flagged' : prng.pick([false, false, true, null]);
  return {
    formatted: parsed ? parsed.number : `+${subject.value}`,
    local_format: parsed ? parsed.formatNational() : 'N/A',
    valid,
    fraud_score: score,
    recent_abuse: flagged(() => score >= 85 && prng.chance(0.5)),
    VOIP: voip,
    prepaid,
    risky: flagged(() => score >= 85),
    active,
    carrier: valid ? prng.pick(CARRIERS) : 'N/A',
    line_type: voip ? 'VOIP' : valid ? lineType(subject, prng) : 'N/A',
    country: parsed?.country ?? 'N/A',
    city: place.city,
    zip_code: place.zip,
    region: place.region,
    dialing_code: parsed ? Number(parsed.countryCallingCode) : null,
    active_status: magic?.flag === 'inactive' ? 'Disconnected Line' : 'N/A',
    sms_domain: 'N/A',
    associated_email_addresses: { status: 'No associated emails found.', emails: [] },
    user_activity: score >= 75 ? 'high' : 'none',
    mnc: 'N/A',
    mcc: 'N/A',
    leaked: flagged(() => prng.chance(0.1)),
    spammer: flagged(() => score >= 90 && prng.chance(0.5)),
    // personal data is never simulated
    name: 'N/A',
    timezone: place.timezone,
    do_not_call: !magic && parsed?.country === 'US' && prng.chance(0.2),
    tcpa_blacklist: false,
    accurate_country_code: parsed !== undefined,
    sms_email: 'N/A',
    number_recycling: NUMBER_RECYCLING,
    identity_data: [],
  };
}
