/**
 * The simulator's magic values: inputs that pick an exact score, a flag or a failure, so every verdict
 * boundary and every error path can be reached on purpose. Everything else gets a plausible score from
 * its hash (mostly clean). All magic names live under reserved documentation ranges: `.example`
 * (RFC 2606), TEST-NET IPv4 blocks (RFC 5737) and the fictional 555 exchange. N is 0-999, clamped to 100.
 *
 * | lookup | value | answer |
 * |---|---|---|
 * | ip | `198.51.100.N` | fraud_score N, no risk flags |
 * | ip | `203.0.113.N` | fraud_score N with proxy, vpn, tor, recent_abuse, bot_status, frequent_abuser... |
 * | email | `score-N@<any domain>` | fraud_score N, valid, no risk flags |
 * | email | `flagged-N@…` | fraud_score N with recent_abuse, leaked, honeypot, spam_trap_score high... |
 * | email | `disposable@…` / `disposable-N@…` | disposable=true, fraud_score N (default 0) |
 * | email | `invalid@…` / `invalid-N@…` | valid=false, fraud_score N (default 0) |
 * | url | `risk-N.example` (any scheme, path or subdomain) | risk_score N, no risk flags |
 * | url | `flagged-N.example` | risk_score N with unsafe, suspicious, spamming, risky_tld |
 * | url | `phishing.example` / `phishing-N.example` | phishing=true, unsafe=true, risk_score N (default 100) |
 * | url | `malware.example` / `malware-N.example` | malware=true, unsafe=true, risk_score N (default 100) |
 * | phone | `+1 800 555 0NNN` (NNN 000-100) | fraud_score NNN, valid, active, no risk flags |
 * | phone | `+1 800 555 1NNN` | valid=false, active=false, fraud_score NNN |
 * | phone | `+1 800 555 2NNN` | valid, active=false ("Disconnected Line"), fraud_score NNN |
 * | phone | `+1 800 555 3NNN` | fraud_score NNN with recent_abuse, VOIP, risky, spammer, leaked |
 *
 * Failures, by value: the IP `192.0.2.K`, the phone `+1 800 555 99KK`, or the host below as the IP
 * lookup's hostname, the URL's host or the email's domain (e.g. `a@ratelimit.example`). Account
 * failures also come from the key: `invalid-key`, `no-credits`, `over-quota`, or any key `acceptKeys`
 * rejects; a missing key answers "invalid key". Values IPQS would reject answer "invalid input" too.
 *
 * | K | class | host | answer |
 * |---|---|---|---|
 * | 1 | `invalid-key` | `invalid-key.example` | 200, success=false, "Invalid or unauthorized key. ..." |
 * | 2 | `no-credits` | `no-credits.example` | 200, success=false, "You have insufficient credits to make this query. ..." |
 * | 3 | `over-quota` | `over-quota.example` | 200, success=false, "You have exceeded your request quota of 200 per day. ..." |
 * | 4 | `invalid-input` | `invalid-input.example` | 200, success=false, the lookup's invalid-input message |
 * | 5 | `rate-limit` | `ratelimit.example` | 429 with `Retry-After: 1` |
 * | 6 | `rate-limit-509` | `ratelimit-509.example` | 509 with `Retry-After: 1` |
 * | 7 | `server-500` | `error-500.example` | 500 (JSON body) |
 * | 8 | `server-502` | `error-502.example` | 502 (HTML body, like a proxy) |
 * | 9 | `server-503` | `error-503.example` | 503 (HTML body) |
 * | 10 | `reset` | `reset.example` | the connection is destroyed halfway through the body |
 * | 11 | `timeout` | `timeout.example` | no answer at all: the request is read and then left hanging |
 * | 12 | `truncated` | `truncated.example` | 200, a JSON body cut short (`{"success":true,"fraud_sc`), Content-Length matching |
 * | 13 | `empty-body` | `empty.example` | 200, an empty body |
 * | 14 | `html-200` | `html-200.example` | 200, an HTML maintenance page (text/html) |
 * | 15 | `latency-spike` | `slow.example` | the ordinary answer, 1.5 s late (a latency spike) |
 * | 16 | `slow-body` | `slow-body.example` | 200 headers at once, then the body one byte every 100 ms |
 * | 17 | `rate-limit-200` | `ratelimit-200.example` | 200, success=false, a rate-limit message without 429 |
 * | 18 | `api-failure` | `api-failure.example` | 200, success=false with a message no class matches |
 * | 19 | `bad-shape` | `bad-shape.example` | 200, success=true but `fraud_score`/`risk_score` is `"high"` |
 * | 20 | `flaky-500` | `flaky-500.example` | 500 to the first request for a value, the ordinary answer after it |
 * | 21 | `flaky-timeout` | `flaky-timeout.example` | no answer to the first request for a value, the ordinary answer after it |
 *
 * The flaky classes count requests per value until `POST /__reset`; every other answer is stateless.
 */
import type { Subject } from './normalize';

/** Every failure the simulator can answer with, in magic-number order (K = index + 1). */
export const FAILURE_CLASSES = [
  'invalid-key',
  'no-credits',
  'over-quota',
  'invalid-input',
  'rate-limit',
  'rate-limit-509',
  'server-500',
  'server-502',
  'server-503',
  'reset',
  'timeout',
  'truncated',
  'empty-body',
  'html-200',
  'latency-spike',
  'slow-body',
  'rate-limit-200',
  'api-failure',
  'bad-shape',
  'flaky-500',
  'flaky-timeout',
] as const;

export type FailureClass = (typeof FAILURE_CLASSES)[number];

/** The host (IP-lookup hostname, URL host or email domain) that answers each failure. */
export const FAILURE_HOSTS: Readonly<Record<FailureClass, string>> = {
  'invalid-key': 'invalid-key.example',
  'no-credits': 'no-credits.example',
  'over-quota': 'over-quota.example',
  'invalid-input': 'invalid-input.example',
  'rate-limit': 'ratelimit.example',
  'rate-limit-509': 'ratelimit-509.example',
  'server-500': 'error-500.example',
  'server-502': 'error-502.example',
  'server-503': 'error-503.example',
  reset: 'reset.example',
  timeout: 'timeout.example',
  truncated: 'truncated.example',
  'empty-body': 'empty.example',
  'html-200': 'html-200.example',
  'latency-spike': 'slow.example',
  'slow-body': 'slow-body.example',
  'rate-limit-200': 'ratelimit-200.example',
  'api-failure': 'api-failure.example',
  'bad-shape': 'bad-shape.example',
  'flaky-500': 'flaky-500.example',
  'flaky-timeout': 'flaky-timeout.example',
};

/** API keys that answer an account failure whatever the value. */
export const FAILURE_KEYS: Readonly<Record<string, FailureClass>> = {
  'invalid-key': 'invalid-key',
  'no-credits': 'no-credits',
  'over-quota': 'over-quota',
};

/** TEST-NET-2: `198.51.100.N` scores N with no risk flags. */
export const SCORE_IP_PREFIX = '198.51.100.';
/** TEST-NET-3: `203.0.113.N` scores N with every IP risk flag set. */
export const FLAGGED_IP_PREFIX = '203.0.113.';
/** TEST-NET-1: `192.0.2.K` answers failure K. */
export const FAILURE_IP_PREFIX = '192.0.2.';
/** E.164 digits of the magic phone block `+1 800 555 BNNN`. */
export const MAGIC_PHONE_PREFIX = '1800555';

/** The flag a magic value sets on top of its score; `clean` sets no risk flag at all. */
export type MagicFlag = 'clean' | 'flagged' | 'disposable' | 'invalid' | 'inactive' | 'phishing' | 'malware';

/** What a magic value asks for: a failure, or an exact score with one flag. */
export type Magic =
  | { readonly kind: 'failure'; readonly failure: FailureClass }
  | { readonly kind: 'scored'; readonly score: number; readonly flag: MagicFlag };

/** A magic value that asks for a score (failures never reach the answer builders). */
export type ScoredMagic = Extract<Magic, { kind: 'scored' }>;

const PHONE_BLOCKS: Readonly<Record<string, MagicFlag>> = {
  '0': 'clean',
  '1': 'invalid',
  '2': 'inactive',
  '3': 'flagged',
};

function clamp(digits: string | undefined, fallback: number): number {
  return digits === undefined ? fallback : Math.min(100, Number(digits));
}

function failureNumber(k: number): Magic | undefined {
  const failure = FAILURE_CLASSES[k - 1];
  return failure && k >= 1 ? { kind: 'failure', failure } : undefined;
}

/** The failure named by a host or any of its subdomains, e.g. `www.ratelimit.example`. */
export function hostFailure(host: string): Magic | undefined {
  const failure = FAILURE_CLASSES.find((name) => {
    const magic = FAILURE_HOSTS[name];
    return host === magic || host.endsWith(`.${magic}`);
  });
  return failure ? { kind: 'failure', failure } : undefined;
}

/** The failure a key asks for (`invalid-key`, `no-credits`, `over-quota`), if any. */
export function keyFailure(key: string): FailureClass | undefined {
  return Object.hasOwn(FAILURE_KEYS, key) ? FAILURE_KEYS[key] : undefined;
}

function ipMagic(ip: string): Magic | undefined {
  const last = /^(\d{1,3}\.\d{1,3}\.\d{1,3}\.)(\d{1,3})$/.exec(ip);
  if (!last?.[2]) return hostFailure(ip);
  if (last[1] === SCORE_IP_PREFIX) return { kind: 'scored', score: clamp(last[2], 0), flag: 'clean' };
  if (last[1] === FLAGGED_IP_PREFIX) return { kind: 'scored', score: clamp(last[2], 0), flag: 'flagged' };
  return last[1] === FAILURE_IP_PREFIX ? failureNumber(Number(last[2])) : undefined;
}

function emailMagic(local: string, domain: string): Magic | undefined {
  const failure = hostFailure(domain);
  if (failure) return failure;
  const match = /^(score|flagged|disposable|invalid)(?:-(\d{1,3}))?$/.exec(local);
  if (!match?.[1]) return undefined;
  const flag = match[1] === 'score' ? 'clean' : (match[1] as MagicFlag);
  return { kind: 'scored', score: clamp(match[2], 0), flag };
}

function urlMagic(host: string): Magic | undefined {
  const failure = hostFailure(host);
  if (failure) return failure;
  const match = /(?:^|\.)(risk|flagged|phishing|malware)(?:-(\d{1,3}))?\.example$/.exec(host);
  if (!match?.[1]) return undefined;
  const flag = match[1] === 'risk' ? 'clean' : (match[1] as MagicFlag);
  return {
    kind: 'scored',
    score: clamp(match[2], flag === 'phishing' || flag === 'malware' ? 100 : 0),
    flag,
  };
}

function phoneMagic(digits: string): Magic | undefined {
  const match = new RegExp(`^${MAGIC_PHONE_PREFIX}(\\d)(\\d{3})$`).exec(digits);
  if (!match?.[1] || !match[2]) return undefined;
  if (match[1] === '9' && match[2].startsWith('9')) return failureNumber(Number(match[2].slice(1)));
  const flag = PHONE_BLOCKS[match[1]];
  const score = Number(match[2]);
  return flag && score <= 100 ? { kind: 'scored', score, flag } : undefined;
}

/** The magic a normalized value asks for, or `undefined` for an ordinary value. */
export function magicFor(subject: Subject): Magic | undefined {
  switch (subject.type) {
    case 'ip':
      return ipMagic(subject.value);
    case 'email':
      return emailMagic(subject.local, subject.domain);
    case 'url':
      return urlMagic(subject.host);
    case 'phone':
      return phoneMagic(subject.value);
  }
}
