import { REDACTED, SecretRegistry } from '../../src/logging/secrets';

const SECRET = 'p@ss word/+=&"\\x';

function registryWith(...values: unknown[]): SecretRegistry {
  const secrets = new SecretRegistry();
  for (const value of values) secrets.add(value);
  return secrets;
}

describe('SecretRegistry', () => {
  it.each([
    ['the raw value', SECRET],
    ['the percent-encoded value', encodeURIComponent(SECRET)],
    ['the form-encoded value', new URLSearchParams({ k: SECRET }).toString().slice(2)],
    ['the JSON-escaped value', JSON.stringify(SECRET).slice(1, -1)],
  ])('masks %s', (_case, form) => {
    const text = `before ${form} after`;
    expect(registryWith(SECRET).redact(text)).toBe(`before ${REDACTED} after`);
  });

  it('masks every occurrence', () => {
    expect(registryWith('abcd1234').redact('abcd1234-abcd1234')).toBe('***-***');
  });

  it('masks the longer of two overlapping secrets whole', () => {
    expect(registryWith('token', 'token-with-suffix').redact('x token-with-suffix y')).toBe('x *** y');
  });

  it('masks a secret registered with surrounding whitespace by its trimmed value', () => {
    expect(registryWith('  trimmed-secret \n').redact('key=trimmed-secret')).toBe('key=***');
  });

  it('treats regex characters in a secret literally', () => {
    expect(registryWith('a.b*c+d?').redact('a.b*c+d? axbbbcd')).toBe('*** axbbbcd');
  });

  it.each([
    ['an empty string', ''],
    ['a short value', 'abc'],
    ['a non-string', 12345678],
    ['undefined', undefined],
  ])('ignores %s', (_case, value) => {
    const secrets = registryWith(value);
    expect(secrets.size).toBe(0);
    expect(secrets.redact('abc 12345678 text')).toBe('abc 12345678 text');
  });

  it('masks values registered after an earlier redact', () => {
    const secrets = registryWith('first-secret');
    expect(secrets.redact('first-secret second-secret')).toBe('*** second-secret');
    secrets.add('second-secret');
    expect(secrets.redact('first-secret second-secret')).toBe('*** ***');
  });
});
