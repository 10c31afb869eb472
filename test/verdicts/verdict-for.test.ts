import type { IndicatorType } from '../../src/indicators/indicator-type';
import { threatRatingOf } from '../../src/verdicts/verdict';
import type { VerdictName } from '../../src/verdicts/verdict';
import { verdictFor } from '../../src/verdicts/verdict-for';

// The ladders written out by hand from ipqs-api-and-peers.md §2 and the issue contract, so these tests
// check the table in src/verdicts/ladders.ts rather than repeat it.
const C = 'CLEAN';
const S = 'SUSPICIOUS';
const L = 'LOW RISK';
const M = 'MODERATE RISK';
const H = 'HIGH RISK';
const X = 'CRITICAL';

// Neutral values for the flags, so only the score decides.
const NEUTRAL: Readonly<Record<IndicatorType, Record<string, unknown>>> = {
  ip: { tor: false, vpn: false, proxy: false, recent_abuse: false, bot_status: false },
  email: { valid: true, disposable: false, recent_abuse: false },
  url: { malware: false, phishing: false, suspicious: false },
  domain: { malware: false, phishing: false, suspicious: false },
  phone: { valid: true, active: true, recent_abuse: false },
};

const SCORE_FIELD: Readonly<Record<IndicatorType, string>> = {
  ip: 'fraud_score',
  email: 'fraud_score',
  url: 'risk_score',
  domain: 'risk_score',
  phone: 'fraud_score',
};

// [lowest score, verdict], highest first.
const BANDS: Readonly<Record<IndicatorType, readonly (readonly [number, VerdictName])[]>> = {
  ip: [
    [100, X],
    [85, H],
    [75, M],
    [60, S],
    [0, C],
  ],
  email: [
    [100, H],
    [88, M],
    [80, L],
    [0, C],
  ],
  url: [
    [90, H],
    [80, M],
    [70, L],
    [55, S],
    [0, C],
  ],
  domain: [
    [90, H],
    [80, M],
    [70, L],
    [55, S],
    [0, C],
  ],
  phone: [
    [90, H],
    [80, L],
    [50, S],
    [0, C],
  ],
};

function bandAt(type: IndicatorType, score: number): readonly [number, VerdictName] {
  const band = BANDS[type].find(([min]) => score >= min);
  if (band === undefined) throw new Error(`no band for ${score}`);
  return band;
}

function withScore(type: IndicatorType, score: unknown, extra: Record<string, unknown> = {}) {
  return { ...NEUTRAL[type], [SCORE_FIELD[type]]: score, ...extra };
}

const BOUNDARY_SCORES = [0, 49, 50, 54, 55, 59, 60, 69, 70, 74, 75, 79, 80, 84, 85, 87, 88, 89, 90, 99, 100];

describe('verdictFor, by score alone', () => {
  it.each<[IndicatorType, string]>([
    // score:   0  49 50 54 55 59 60 69 70 74 75 79 80 84 85 87 88 89 90 99 100
    ['ip', '    C  C  C  C  C  C  S  S  S  S  M  M  M  M  H  H  H  H  H  H  X'],
    ['email', ' C  C  C  C  C  C  C  C  C  C  C  C  L  L  L  L  M  M  M  M  H'],
    ['url', '   C  C  C  C  S  S  S  S  L  L  L  L  M  M  M  M  M  M  H  H  H'],
    ['domain', 'C  C  C  C  S  S  S  S  L  L  L  L  M  M  M  M  M  M  H  H  H'],
    ['phone', ' C  C  S  S  S  S  S  S  S  S  S  S  L  L  L  L  L  L  H  H  H'],
  ])('follows the %s ladder at every boundary', (type, row) => {
    const letters: Record<string, VerdictName> = { C, S, L, M, H, X };
    const expected = row
      .trim()
      .split(/\s+/)
      .map((letter) => letters[letter]);
    const actual = BOUNDARY_SCORES.map((score) => verdictFor(type, withScore(type, score)).verdict);
    expect(actual).toEqual(expected);
  });

  it.each<[IndicatorType, number, string[]]>([
    ['ip', 100, ['fraud_score>=100']],
    ['ip', 85, ['fraud_score>=85']],
    ['ip', 84, ['fraud_score>=75']],
    ['ip', 60, ['fraud_score>=60']],
    ['ip', 59, []],
    ['email', 88, ['fraud_score>=88']],
    ['email', 79, []],
    ['url', 90, ['risk_score>=90']],
    ['domain', 55, ['risk_score>=55']],
    ['url', 54, []],
    ['phone', 50, ['fraud_score>=50']],
    ['phone', 0, []],
  ])('gives a %s with score %i the reasons %j', (type, score, reasons) => {
    expect(verdictFor(type, withScore(type, score)).reasons).toEqual(reasons);
  });

  it('returns the score, the verdict and its threat rating', () => {
    expect(verdictFor('ip', withScore('ip', 87))).toEqual({
      verdict: 'HIGH RISK',
      score: 87,
      reasons: ['fraud_score>=85'],
      threatRating: 4,
    });
  });

  it('reads a numeric string score', () => {
    expect(verdictFor('url', withScore('url', '91'))).toMatchObject({ verdict: 'HIGH RISK', score: 91 });
  });

  it.each<[IndicatorType, unknown]>([
    ['ip', undefined],
    ['email', null],
    ['url', 'N/A'],
    ['phone', Number.NaN],
  ])('counts a missing %s score (%p) as 0 and says so', (type, score) => {
    const verdict = verdictFor(type, withScore(type, score));
    expect(verdict).toMatchObject({ verdict: 'CLEAN', score: 0 });
    expect(verdict.reasons).toEqual([`${SCORE_FIELD[type]} missing`]);
  });

  it('scores a URL by risk_score, not fraud_score', () => {
    expect(verdictFor('url', { fraud_score: 100, risk_score: 10 }).verdict).toBe('CLEAN');
    expect(verdictFor('ip', { fraud_score: 10, risk_score: 100 }).verdict).toBe('CLEAN');
  });
});

describe('verdictFor, with flags', () => {
  it.each<[IndicatorType, number, Record<string, unknown>, VerdictName, string[]]>([
    ['email', 0, { disposable: true }, 'CRITICAL', ['disposable']],
    ['email', 100, { disposable: true }, 'CRITICAL', ['fraud_score>=100', 'disposable']],
    ['email', 0, { valid: false }, 'INVALID', ['valid=false']],
    ['email', 85, { valid: false }, 'LOW RISK', ['fraud_score>=80', 'valid=false']],
    ['email', 100, { valid: false }, 'HIGH RISK', ['fraud_score>=100', 'valid=false']],
    ['email', 0, { disposable: true, valid: false }, 'CRITICAL', ['disposable', 'valid=false']],
    ['url', 0, { malware: true }, 'CRITICAL', ['malware']],
    ['url', 0, { phishing: true }, 'CRITICAL', ['phishing']],
    ['domain', 95, { malware: true, phishing: true }, 'CRITICAL', ['risk_score>=90', 'malware', 'phishing']],
    ['phone', 0, { valid: false }, 'MODERATE RISK', ['valid=false']],
    ['phone', 0, { active: false }, 'MODERATE RISK', ['active=false']],
    [
      'phone',
      60,
      { valid: false, active: false },
      'MODERATE RISK',
      ['fraud_score>=50', 'valid=false', 'active=false'],
    ],
    ['phone', 85, { active: false }, 'MODERATE RISK', ['fraud_score>=80', 'active=false']],
    ['phone', 90, { valid: false }, 'HIGH RISK', ['fraud_score>=90', 'valid=false']],
  ])('rates a %s with score %i and %j as %s because %j', (type, score, flags, verdict, reasons) => {
    expect(verdictFor(type, withScore(type, score, flags))).toMatchObject({ verdict, reasons });
  });

  it.each<[IndicatorType, Record<string, unknown>]>([
    ['phone', { active: null }],
    ['phone', { active: undefined }],
    ['email', { valid: 'False' }],
    ['email', { disposable: 'True' }],
    ['url', { malware: 'true' }],
  ])('does not fire a %s flag on a value that is not the JSON boolean: %j', (type, flags) => {
    expect(verdictFor(type, withScore(type, 10, flags))).toMatchObject({ verdict: 'CLEAN', reasons: [] });
  });
});

describe('verdictFor, informative flags', () => {
  it('lists the IP signals that explain a verdict above CLEAN, in ladder order', () => {
    const data = withScore('ip', 90, {
      bot_status: true,
      proxy: true,
      tor: true,
      vpn: true,
      recent_abuse: true,
    });
    expect(verdictFor('ip', data)).toMatchObject({
      verdict: 'HIGH RISK',
      reasons: ['fraud_score>=85', 'tor', 'vpn', 'proxy', 'recent_abuse', 'bot_status'],
    });
  });

  it.each<[IndicatorType, Record<string, unknown>, string]>([
    ['email', { recent_abuse: true }, 'recent_abuse'],
    ['url', { suspicious: true }, 'suspicious'],
    ['phone', { recent_abuse: true }, 'recent_abuse'],
  ])('lists the %s signal %j after the band', (type, flags, reason) => {
    const verdict = verdictFor(type, withScore(type, 95, flags));
    expect(verdict.reasons[verdict.reasons.length - 1]).toBe(reason);
  });

  it('does not change the verdict with an informative flag', () => {
    expect(verdictFor('ip', withScore('ip', 65, { tor: true })).verdict).toBe('SUSPICIOUS');
  });

  it('leaves informative flags out of a CLEAN verdict', () => {
    expect(verdictFor('ip', withScore('ip', 20, { vpn: true, proxy: true }))).toMatchObject({
      verdict: 'CLEAN',
      reasons: [],
    });
  });
});

describe('verdictFor, over every score and flag combination', () => {
  // Fields that can raise the verdict, with the value that fires them and the reason they give.
  const RAISING: Readonly<Record<IndicatorType, readonly (readonly [string, unknown, string])[]>> = {
    ip: [],
    email: [
      ['disposable', true, 'disposable'],
      ['valid', false, 'valid=false'],
    ],
    url: [
      ['malware', true, 'malware'],
      ['phishing', true, 'phishing'],
    ],
    domain: [
      ['malware', true, 'malware'],
      ['phishing', true, 'phishing'],
    ],
    phone: [
      ['valid', false, 'valid=false'],
      ['active', false, 'active=false'],
    ],
  };
  const INFORMATIVE: Readonly<Record<IndicatorType, readonly string[]>> = {
    ip: ['tor', 'vpn', 'proxy', 'recent_abuse', 'bot_status'],
    email: ['recent_abuse'],
    url: ['suspicious'],
    domain: ['suspicious'],
    phone: ['recent_abuse'],
  };

  function combinations(type: IndicatorType): Record<string, unknown>[] {
    const fields: (readonly [string, unknown])[] = [
      ...RAISING[type].map(([field, value]) => [field, value] as const),
      ...INFORMATIVE[type].map((field) => [field, true] as const),
    ];
    return Array.from({ length: 2 ** fields.length }, (_unused, mask) =>
      Object.fromEntries(fields.filter((_field, bit) => (mask >> bit) & 1)),
    );
  }

  it.each<IndicatorType>(['ip', 'email', 'url', 'domain', 'phone'])(
    'never puts a %s below its score band, and explains every verdict above it by a flag',
    (type) => {
      const problems: string[] = [];
      for (let score = 0; score <= 100; score += 1) {
        const [min, bandVerdict] = bandAt(type, score);
        for (const flags of combinations(type)) {
          const { verdict, reasons, threatRating } = verdictFor(type, withScore(type, score, flags));
          const fired = RAISING[type].filter(([field]) => field in flags).map(([, , reason]) => reason);
          const where = `${type} ${score} ${JSON.stringify(flags)} -> ${verdict} [${reasons.join('; ')}]`;
          if (threatRatingOf(verdict) < threatRatingOf(bandVerdict)) problems.push(`below band: ${where}`);
          if (verdict !== bandVerdict && fired.length === 0) problems.push(`unexplained: ${where}`);
          if (threatRating !== threatRatingOf(verdict)) problems.push(`rating: ${where}`);
          const band = bandVerdict === 'CLEAN' ? [] : [`${SCORE_FIELD[type]}>=${min}`];
          if (reasons.slice(0, band.length + fired.length).join() !== [...band, ...fired].join()) {
            problems.push(`reasons: ${where}`);
          }
        }
      }
      expect(problems).toEqual([]);
    },
  );
});
