import { isCidr, looksLikeIp, normalizeIp } from '../../src/indicators/normalize-ip';

describe('normalizeIp', () => {
  it.each([
    ['1.2.3.4', '1.2.3.4'],
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    ['10.0.0.1', '10.0.0.1'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:ff00:0042:8329', '2001:db8::ff00:42:8329'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8::0:1', '2001:db8::1'],
    ['::1', '::1'],
    ['::', '::'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['::ffff:1.2.3.4', '1.2.3.4'],
    ['::FFFF:102:304', '1.2.3.4'],
  ])('normalizes %j to %j', (raw, normalized) => {
    expect(normalizeIp(raw)).toEqual({ ok: true, value: normalized });
  });

  it.each([
    ['1.2.3', 'IPv4 has exactly four dotted octets'],
    ['1.2', 'IPv4 has exactly four dotted octets'],
    ['1.2.3.4.5', 'IPv4 has exactly four dotted octets'],
    ['256.1.1.1', 'octet above 255'],
    ['1.2.3.999', 'octet above 255'],
    ['1234.1.1.1', 'octet above 255'],
    ['010.1.1.1', 'leading zeros in an octet are ambiguous'],
    ['1.2.3.04', 'leading zeros in an octet are ambiguous'],
    ['0001.1.1.1', 'leading zeros in an octet are ambiguous'],
    ['1.2.3.4:80', 'ports are not allowed'],
    ['[2001:db8::1]:443', 'ports are not allowed'],
    ['10.0.0.0/8', 'CIDR ranges are not supported'],
    ['2001:db8::/32', 'CIDR ranges are not supported'],
    ['fe80::1%eth0', 'IPv6 zone ids are not allowed'],
    ['[fe80::1%25eth0]', 'IPv6 zone ids are not allowed'],
    ['1::2::3', 'not a valid IPv6 address'],
    ['1:2:3:4:5:6:7:8:9', 'not a valid IPv6 address'],
    ['::ffff:01.2.3.4', 'leading zeros in an octet are ambiguous'],
    ['example.com', ''],
    ['0x7f000001', ''],
    ['', ''],
  ])('refuses %j: %s', (raw, reason) => {
    expect(normalizeIp(raw)).toEqual({ ok: false, reason });
  });
});

describe('looksLikeIp', () => {
  it.each(['1.2.3', '1.2.3.4:80', '999.1.1.1', '10.0.0.0/8', 'fe80::1%eth0', '1::2::3'])(
    'takes %j for a (broken) IP address',
    (value) => {
      expect(looksLikeIp(value)).toBe(true);
    },
  );

  it.each(['example.com', '202.555.0143', 'dead:beef', '+1 202 555 0143', 'a.b.c.d'])(
    'does not take %j for an IP address',
    (value) => {
      expect(looksLikeIp(value)).toBe(false);
    },
  );
});

describe('isCidr', () => {
  it.each([
    ['10.0.0.0/8', true],
    ['2001:db8::/32', true],
    ['1.2.3.4/x', false],
    ['example.com/24', false],
  ])('says %j is a CIDR range: %s', (value, expected) => {
    expect(isCidr(value)).toBe(expected);
  });
});
