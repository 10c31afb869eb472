/**
 * The single table of every playbook output (design §5). install.json `playbook.outputVariables` and the
 * layout.json outputs are generated from it (`npm run manifest`), and the writers stage values by it.
 */
import { FIELD_CATALOG, LOOKUP_TYPES } from '../ipqs/fields';
import type { LookupType } from '../ipqs/fields';

export type OutputType = 'String' | 'StringArray';

export type OutputGroup = 'generic' | 'count' | LookupType | 'compat';

export interface OutputSpec {
  readonly name: string;
  readonly types: readonly OutputType[];
  readonly note: string;
  readonly group: OutputGroup;
}

/** One install.json `playbook.outputVariables` entry. */
export interface OutputVariable {
  readonly name: string;
  readonly type: OutputType;
}

const BOTH: readonly OutputType[] = ['String', 'StringArray'];
const STRING: readonly OutputType[] = ['String'];
const STRING_ARRAY: readonly OutputType[] = ['StringArray'];

/** The output name of one catalogue field, e.g. `fieldOutputName('email', 'domain_age.iso')`. */
export function fieldOutputName(type: LookupType, path: string): string {
  return `ipqs.${type}.${path}`;
}

function generic(name: string, note: string): OutputSpec {
  return { name, types: BOTH, note, group: 'generic' };
}

const GENERIC: readonly OutputSpec[] = [
  generic('ipqs.indicator', 'the normalized indicators, in input order'),
  generic('ipqs.indicator_type', 'ip, email, url, domain or phone'),
  generic('ipqs.score', 'fraud_score (IP, email, phone) or risk_score (URL, domain), 0-100'),
  generic('ipqs.verdict', 'CLEAN, SUSPICIOUS, LOW RISK, MODERATE RISK, HIGH RISK, CRITICAL or INVALID'),
  generic('ipqs.verdict_reasons', 'why the verdict was given, e.g. "fraud_score>=85; tor"'),
  generic('ipqs.threat_rating', 'ThreatConnect threat rating 0-5 from the verdict'),
  generic('ipqs.error', 'empty when the lookup succeeded, else a one-line reason'),
  generic('ipqs.cached', 'true when the result came from the shared cache'),
  generic('ipqs.json.raw', 'the IPQS response as JSON'),
];

const COUNTS: readonly OutputSpec[] = [
  { name: 'ipqs.count', types: STRING, note: 'number of indicators', group: 'count' },
  { name: 'ipqs.success.count', types: STRING, note: 'number of successful lookups', group: 'count' },
  { name: 'ipqs.error.count', types: STRING, note: 'number of failed indicators', group: 'count' },
  {
    name: 'ipqs.high_risk.count',
    types: STRING,
    note: 'number of indicators with verdict HIGH RISK or CRITICAL',
    group: 'count',
  },
  {
    name: 'ipqs.high_risk.indicators',
    types: STRING_ARRAY,
    note: 'indicators with verdict HIGH RISK or CRITICAL',
    group: 'count',
  },
];

const FIELDS: readonly OutputSpec[] = LOOKUP_TYPES.flatMap((type) =>
  FIELD_CATALOG[type].map((field): OutputSpec => ({
    name: fieldOutputName(type, field.path),
    types: BOTH,
    // String = the first indicator of this type; StringArray = all of them, in input order.
    note: field.pii ? `${field.note} (personal data: needs include_personal_data)` : field.note,
    group: type,
  })),
);

// Names of the official v1.0 app ("IPQualityScore Enrichment"); it had no phone, ours adds it alike.
const COMPAT: readonly OutputSpec[] = LOOKUP_TYPES.flatMap((type): OutputSpec[] => [
  {
    name: `ipqs.${type}reputation.json.raw`,
    types: STRING,
    note: `the first ${type} IPQS response as JSON (v1.0 app compatible)`,
    group: 'compat',
  },
  {
    name: `ipqs.${type}reputation.results.data`,
    types: STRING,
    note: `the first ${type} IPQS response as JSON plus IPQS_Reputation and TC_Threat_Rating (v1.0 app compatible)`,
    group: 'compat',
  },
]);

/** Every playbook output, in install.json order. */
export const OUTPUT_TABLE: readonly OutputSpec[] = [...GENERIC, ...COUNTS, ...FIELDS, ...COMPAT];

/** The install.json `playbook.outputVariables` list: every name with each of its types, in table order. */
export function outputVariables(): OutputVariable[] {
  return OUTPUT_TABLE.flatMap((spec) => spec.types.map((type) => ({ name: spec.name, type })));
}
