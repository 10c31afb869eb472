import { normalizeEmail } from '../../src/indicators/normalize-email';

describe('normalizeEmail', () => {
  it.each([
    ['user@example.com', 'user@example.com'],
    ['John.Doe@Example.COM', 'John.Doe@example.com'],
    ["o'brien+tag@example.co.uk", "o'brien+tag@example.co.uk"],
    ['!#$%&*+/=?^_`{|}~-@example.com', '!#$%&*+/=?^_`{|}~-@example.com'],
    ['user@bücher.de', 'user@xn--bcher-kva.de'],
    ['mailto:user@example.com', 'user@example.com'],
    ['MAILTO:User@Example.com', 'User@example.com'],
    [`${'a'.repeat(64)}@example.com`, `${'a'.repeat(64)}@example.com`],
  ])('normalizes %j to %j', (raw, normalized) => {
    expect(normalizeEmail(raw)).toEqual({ ok: true, value: normalized });
  });

  it.each([
    ['user.example.com', 'no @'],
    ['a@b@example.com', 'more than one @'],
    ['@example.com', 'nothing before the @'],
    ['user@', 'nothing after the @'],
    [`${'a'.repeat(65)}@example.com`, 'more than 64 characters before the @'],
    ['.user@example.com', 'misplaced dot before the @'],
    ['user.@example.com', 'misplaced dot before the @'],
    ['us..er@example.com', 'misplaced dot before the @'],
    ['"quoted"@example.com', 'invalid characters before the @'],
    ['us er@example.com', 'invalid characters before the @'],
    ['usér@example.com', 'invalid characters before the @'],
    ['user@localhost', 'domain: no top-level domain'],
    ['user@[1.2.3.4]', 'domain: invalid characters'],
    ['user@exa_mple.com', 'domain: invalid characters'],
    ['user@example.123', 'domain: the top-level domain is not valid'],
    [
      `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`,
      'longer than 254 characters',
    ],
  ])('refuses %j: %s', (raw, reason) => {
    expect(normalizeEmail(raw)).toEqual({ ok: false, reason });
  });
});
