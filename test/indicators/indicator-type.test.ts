import {
  INDICATOR_TYPES,
  lookupTypeOf,
  typeFromChoice,
  typeFromTcEntity,
} from '../../src/indicators/indicator-type';
import type { IndicatorType } from '../../src/indicators/indicator-type';
import type { LookupType } from '../../src/ipqs/fields';
import { INDICATOR_TYPE_CHOICES } from '../../src/tc/params';
import type { IndicatorTypeChoice } from '../../src/tc/params';

describe('INDICATOR_TYPES', () => {
  it('lists the five types in auto-detect order', () => {
    expect(INDICATOR_TYPES).toEqual(['ip', 'email', 'url', 'domain', 'phone']);
  });
});

describe('lookupTypeOf', () => {
  it.each<[IndicatorType, LookupType]>([
    ['ip', 'ip'],
    ['email', 'email'],
    ['url', 'url'],
    ['domain', 'url'],
    ['phone', 'phone'],
  ])('looks %s up with the %s endpoint', (type, lookup) => {
    expect(lookupTypeOf(type)).toBe(lookup);
  });
});

describe('typeFromChoice', () => {
  it.each<[IndicatorTypeChoice, IndicatorType | undefined]>([
    ['Auto-Detect', undefined],
    ['IP Address', 'ip'],
    ['Email Address', 'email'],
    ['URL', 'url'],
    ['Domain', 'domain'],
    ['Phone Number', 'phone'],
  ])('maps the choice %s to %s', (choice, type) => {
    expect(typeFromChoice(choice)).toBe(type);
  });

  it('forces a type for every choice except Auto-Detect', () => {
    const forcing = INDICATOR_TYPE_CHOICES.filter((choice) => typeFromChoice(choice) !== undefined);
    expect(forcing).toEqual(INDICATOR_TYPE_CHOICES.filter((choice) => choice !== 'Auto-Detect'));
  });
});

describe('typeFromTcEntity', () => {
  it.each<[string, IndicatorType]>([
    ['Address', 'ip'],
    ['EmailAddress', 'email'],
    ['URL', 'url'],
    ['Host', 'domain'],
    ['address', 'ip'],
    ['EMAILADDRESS', 'email'],
    ['url', 'url'],
    ['HOST', 'domain'],
    [' Host ', 'domain'],
    ['Phone', 'phone'],
    ['Phone Number', 'phone'],
    ['PhoneNumber', 'phone'],
    ['phone number', 'phone'],
  ])('maps the ThreatConnect type %j to %s', (tcType, type) => {
    expect(typeFromTcEntity(tcType)).toBe(type);
  });

  it.each(['File', 'CIDR', 'ASN', 'Mutex', '', 'Email Address'])(
    'knows no type for the ThreatConnect type %j',
    (tcType) => {
      expect(typeFromTcEntity(tcType)).toBeUndefined();
    },
  );
});
