/**
 * Deterministic mixed indicators for the benchmark: every serial number gives one distinct, ordinary
 * value (no simulator magic value, no private range), so a batch of N costs exactly N IPQS requests.
 */

/** The kinds of indicator in a batch. */
export type BenchKind = 'ip' | 'email' | 'url' | 'domain' | 'phone';

/** The kind of each serial number modulo 20: 40% IPs, 25% emails, 15% URLs, 10% domains, 10% phones. */
export const MIX_PATTERN: readonly BenchKind[] = [
  ...Array<BenchKind>(8).fill('ip'),
  ...Array<BenchKind>(5).fill('email'),
  ...Array<BenchKind>(3).fill('url'),
  ...Array<BenchKind>(2).fill('domain'),
  ...Array<BenchKind>(2).fill('phone'),
];

// US numbers in area code 202: exchanges 200-999 are valid NANP exchanges, less the N11 codes and 555
const PHONE_EXCHANGES = Array.from({ length: 800 }, (_, i) => 200 + i).filter(
  (exchange) => exchange % 100 !== 11 && exchange !== 555,
);

/** Serial numbers below this give distinct values of every kind (the phones run out first). */
export const MAX_SERIAL = PHONE_EXCHANGES.length * 10_000;

/** The kind of the indicator with serial number `n`. */
export function kindAt(n: number): BenchKind {
  return MIX_PATTERN[n % MIX_PATTERN.length] as BenchKind;
}

function phoneAt(n: number): string {
  const exchange = PHONE_EXCHANGES[Math.floor(n / 10_000)] as number;
  return `+1 202 ${exchange} ${String(n % 10_000).padStart(4, '0')}`;
}

/** The indicator with serial number `n` (0 <= n < MAX_SERIAL). */
export function indicatorAt(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= MAX_SERIAL) throw new RangeError(`serial ${n} is out of range`);
  switch (kindAt(n)) {
    case 'ip':
      // 11.0.0.0/8: public unicast space the simulator answers as an ordinary IP
      return `11.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    case 'email':
      return `user${n}@example.com`;
    case 'url':
      return `https://site${n}.example/path`;
    case 'domain':
      return `d${n}.example`;
    case 'phone':
      return phoneAt(n);
  }
}

/** `count` indicators with serial numbers `first`, `first + 1`, ...: distinct within and across ranges. */
export function mixedIndicators(count: number, first = 0): string[] {
  return Array.from({ length: count }, (_, i) => indicatorAt(first + i));
}

/** How many indicators of each kind `mixedIndicators(count, first)` holds (the expected requests per lookup). */
export function kindCounts(count: number, first = 0): Record<BenchKind, number> {
  const counts: Record<BenchKind, number> = { ip: 0, email: 0, url: 0, domain: 0, phone: 0 };
  for (let n = first; n < first + count; n += 1) counts[kindAt(n)] += 1;
  return counts;
}
