import { FIELD_CATALOG, LOOKUP_TYPES } from '../../src/ipqs/fields';
import type { LookupType } from '../../src/ipqs/fields';
import { PERSONAL_DATA_KEYS, withoutPersonalData } from '../../src/ipqs/personal-data';
import email from '../fixtures/ipqs/email-fields.json';
import phone from '../fixtures/ipqs/phone-fields.json';

describe('withoutPersonalData', () => {
  it('drops identity_data and the associated names and phone numbers from an email result', () => {
    const personal = ['identity_data', 'associated_names', 'associated_phone_numbers'];
    expect(personal.filter((key) => key in email)).toEqual(personal);
    const cleaned = withoutPersonalData('email', email);
    expect(
      ['identity_data', 'associated_names', 'associated_phone_numbers'].filter((key) => key in cleaned),
    ).toEqual([]);
    expect(cleaned).toMatchObject({
      fraud_score: 81,
      sanitized_email: 'info@example.com',
      first_name: 'CORPORATE',
    });
  });

  it('drops name, identity_data and the associated email addresses from a phone result', () => {
    expect(['name', 'identity_data', 'associated_email_addresses'].every((key) => key in phone)).toBe(true);
    const cleaned = withoutPersonalData('phone', phone);
    expect(['name', 'identity_data', 'associated_email_addresses'].filter((key) => key in cleaned)).toEqual(
      [],
    );
    expect(cleaned).toMatchObject({ formatted: '+916300445104', carrier: 'Reliance (JIO)' });
  });

  it('keeps every other key with its value', () => {
    const cleaned = withoutPersonalData('phone', phone);
    const kept = Object.keys(phone).filter((key) => !PERSONAL_DATA_KEYS.includes(key));
    expect(cleaned).toEqual(
      Object.fromEntries(kept.map((key) => [key, (phone as Record<string, unknown>)[key]])),
    );
  });

  it.each<LookupType>(['ip', 'url'])('drops the personal data keys from a %s result too', (lookup) => {
    const data = { fraud_score: 1, risk_score: 1, name: 'x', identity_data: [], associated_names: {} };
    expect(withoutPersonalData(lookup, data)).toEqual({ fraud_score: 1, risk_score: 1 });
  });

  it('leaves the input untouched', () => {
    const data = { name: 'Jane', valid: true };
    withoutPersonalData('phone', data);
    expect(data).toEqual({ name: 'Jane', valid: true });
  });

  const withPii = LOOKUP_TYPES.filter((lookup) => FIELD_CATALOG[lookup].some((field) => field.pii === true));

  it('finds catalogue fields marked as personal data for email and phone', () => {
    expect(withPii).toEqual(['email', 'phone']);
  });

  it.each(withPii)('covers every %s catalogue field marked as personal data', (lookup) => {
    const marked = FIELD_CATALOG[lookup].filter((field) => field.pii === true);
    const data: Record<string, unknown> = { keep: 1 };
    for (const field of marked) data[field.path.split('.')[0] ?? field.path] = 'x';
    expect(withoutPersonalData(lookup, data)).toEqual({ keep: 1 });
  });
});
