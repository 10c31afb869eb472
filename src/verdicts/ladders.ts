/**
 * The verdict ladders as data, one per indicator type: score bands (highest first) and flags that can only
 * raise the verdict above its band. They are IPQS's own partner-integration ladders
 * (`ipqs-api-and-peers.md` §2): IP and email and phone by fraud_score, URL and domain by risk_score.
 */
import type { IndicatorType } from '../indicators/indicator-type';
import type { VerdictName } from './verdict';

export interface ScoreBand {
  /** Lowest score of the band; the bands of a ladder are ordered from the highest `min` down to 0. */
  readonly min: number;
  readonly verdict: VerdictName;
  /** E.g. `fraud_score>=85`; absent for the CLEAN band, which needs no explaining. */
  readonly reason?: string;
}

/** A response field that, when it `equals` the value, lifts the verdict to at least `verdict`. */
export interface FlagRule {
  readonly field: string;
  readonly equals: boolean;
  readonly verdict: VerdictName;
  readonly reason: string;
}

/** A response field that never changes the verdict but explains a verdict above CLEAN (e.g. `tor`). */
export interface NoteRule {
  readonly field: string;
  readonly equals: boolean;
  readonly reason: string;
}

export interface Ladder {
  readonly scoreField: 'fraud_score' | 'risk_score';
  readonly bands: readonly ScoreBand[];
  readonly flags: readonly FlagRule[];
  readonly notes: readonly NoteRule[];
}

type BandRow = readonly [min: number, verdict: VerdictName];

function bands(scoreField: Ladder['scoreField'], rows: readonly BandRow[]): ScoreBand[] {
  return rows.map(([min, verdict]) =>
    verdict === 'CLEAN' ? { min, verdict } : { min, verdict, reason: `${scoreField}>=${min}` },
  );
}

function note(field: string): NoteRule {
  return { field, equals: true, reason: field };
}

const IP: Ladder = {
  scoreField: 'fraud_score',
  bands: bands('fraud_score', [
    [100, 'CRITICAL'],
    [85, 'HIGH RISK'],
    [75, 'MODERATE RISK'],
    [60, 'SUSPICIOUS'],
    [0, 'CLEAN'],
  ]),
  flags: [],
  notes: ['tor', 'vpn', 'proxy', 'recent_abuse', 'bot_status'].map(note),
};

const EMAIL: Ladder = {
  scoreField: 'fraud_score',
  bands: bands('fraud_score', [
    [100, 'HIGH RISK'],
    [88, 'MODERATE RISK'],
    [80, 'LOW RISK'],
    [0, 'CLEAN'],
  ]),
  flags: [
    { field: 'disposable', equals: true, verdict: 'CRITICAL', reason: 'disposable' },
    { field: 'valid', equals: false, verdict: 'INVALID', reason: 'valid=false' },
  ],
  notes: [note('recent_abuse')],
};

// Domains are scanned by the URL endpoint and share its ladder.
const URL_LADDER: Ladder = {
  scoreField: 'risk_score',
  bands: bands('risk_score', [
    [90, 'HIGH RISK'],
    [80, 'MODERATE RISK'],
    [70, 'LOW RISK'],
    [55, 'SUSPICIOUS'],
    [0, 'CLEAN'],
  ]),
  flags: [
    { field: 'malware', equals: true, verdict: 'CRITICAL', reason: 'malware' },
    { field: 'phishing', equals: true, verdict: 'CRITICAL', reason: 'phishing' },
  ],
  notes: [note('suspicious')],
};

const PHONE: Ladder = {
  scoreField: 'fraud_score',
  bands: bands('fraud_score', [
    [90, 'HIGH RISK'],
    [80, 'LOW RISK'],
    [50, 'SUSPICIOUS'],
    [0, 'CLEAN'],
  ]),
  flags: [
    { field: 'valid', equals: false, verdict: 'MODERATE RISK', reason: 'valid=false' },
    { field: 'active', equals: false, verdict: 'MODERATE RISK', reason: 'active=false' },
  ],
  notes: [note('recent_abuse')],
};

/** The ladder of every indicator type. */
export const LADDERS: Readonly<Record<IndicatorType, Ladder>> = {
  ip: IP,
  email: EMAIL,
  url: URL_LADDER,
  domain: URL_LADDER,
  phone: PHONE,
};
