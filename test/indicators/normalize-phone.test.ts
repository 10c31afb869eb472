import { looksLikePhone, normalizePhone, phoneCountry } from '../../src/indicators/normalize-phone';

describe('normalizePhone', () => {
  it.each<[string, string | undefined, string]>([
    ['+1 202-555-0143', undefined, '+12025550143'],
    ['+1 (202) 555-0143', 'GB', '+12025550143'],
    ['(202) 555-0143', 'US', '+12025550143'],
    ['202.555.0143', 'US', '+12025550143'],
    ['2025550143', 'us', '+12025550143'],
    ['tel:+1-212-555-0100', undefined, '+12125550100'],
    ['TEL: +1 212 555 0100', undefined, '+12125550100'],
    ['+44 20 7946 0958', undefined, '+442079460958'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['020 7946 0958', 'UK', '+442079460958'],
    ['+916300445104', undefined, '+916300445104'],
    ['18007132618', 'US', '+18007132618'],
  ])('normalizes %j (default country %s) to %j', (raw, country, normalized) => {
    expect(normalizePhone(raw, country)).toEqual({ ok: true, value: normalized });
  });

  it.each<[string, string | undefined, string]>([
    ['(202) 555-0143', undefined, 'no country code and no default country'],
    ['18007132618', undefined, 'no country code and no default country'],
    ['12345', 'US', 'US'],
    ['2125550100', 'GB', 'GB'],
    ['555 123 4567', 'US', 'US'],
    ['2025550143', 'XX', 'no country code and no default country'],
    ['+1 555 123 4567', 'US', ''],
    ['+49 1234', undefined, ''],
    ['1-800-FLOWERS', 'US', 'only digits, spaces, +, -, . and parentheses are allowed'],
    ['+1 202 555 0143 ext. 12', 'US', 'only digits, spaces, +, -, . and parentheses are allowed'],
    ['user@example.com', 'US', 'only digits, spaces, +, -, . and parentheses are allowed'],
    ['+', 'US', 'only digits, spaces, +, -, . and parentheses are allowed'],
  ])('refuses %j (default country %s): %j', (raw, country, reason) => {
    expect(normalizePhone(raw, country)).toEqual({ ok: false, reason });
  });
});

describe('phoneCountry', () => {
  it.each<[string | undefined, string | undefined]>([
    ['US', 'US'],
    ['us', 'US'],
    [' ca ', 'CA'],
    ['UK', 'GB'],
    ['XX', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('reads %j as %j', (code, country) => {
    expect(phoneCountry(code)).toBe(country);
  });
});

describe('looksLikePhone', () => {
  it.each([
    ['+1 (202) 555-0143', true],
    ['tel:123', true],
    ['1.2.3.4', true],
    ['()', false],
    ['1-800-FLOWERS', false],
    ['example.com', false],
  ])('says %j is written like a phone number: %s', (value, expected) => {
    expect(looksLikePhone(value)).toBe(expected);
  });
});
