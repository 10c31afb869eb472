// One indicator per run, answered with a fixture of test/fixtures/ipqs: every output a downstream app can
// request is requested, and what was written is read back from the KV store.
import type { LookupType } from '../../src/ipqs/fields';
import { FIELD_CATALOG } from '../../src/ipqs/fields';
import { expectLookup, ipqsFixture, pipelineApp, runBatch } from '../helpers/pipeline';

/** Keys IPQS answers may hold that are personal data (dropped by default). */
const PERSONAL = [
  'identity_data',
  'associated_names',
  'associated_phone_numbers',
  'associated_email_addresses',
  'name',
];

type Cells = Readonly<Record<string, string | null>>;

interface Row {
  readonly fixture: string;
  readonly value: string;
  readonly type: string;
  readonly score: string;
  readonly verdict: keyof typeof LABELS;
  readonly reasons: string;
  /** `ipqs.<lookup>.<field>` -> the value written (null: only `[null]` in the StringArray, no String). */
  readonly fields: Cells;
  /** How the raw JSON differs from the fixture (personal data aside). */
  readonly raw: Readonly<Record<string, unknown>>;
}

/** Per verdict: the threat rating, and the v1.0 IPQS_Reputation and TC_Threat_Rating labels. */
const LABELS = {
  CLEAN: ['0', 'Clean', 'N/A'],
  SUSPICIOUS: ['1', 'Suspicious', 'Suspicious'],
  INVALID: ['1', 'Invalid', 'Suspicious'],
  'MODERATE RISK': ['3', 'Moderate Risk', 'Moderate Threat'],
  'HIGH RISK': ['4', 'High Risk', 'High Threat'],
  CRITICAL: ['5', 'Critical', 'Critical Threat'],
} as const;

function row(
  fixture: string,
  value: string,
  type: string,
  [score, verdict, reasons]: readonly [string, Row['verdict'], string],
  fields: Cells,
  raw: Readonly<Record<string, unknown>> = {},
): Row {
  return { fixture, value, type, score, verdict, reasons, fields, raw };
}

const CLEAN = ['0', 'CLEAN', ''] as const;
const RECYCLING = 'Number recycling feature disabled. Please contact support to activate.';

const ROWS: readonly Row[] = [
  row('ip-clean', '8.8.8.8', 'ip', CLEAN, {
    country_code: 'US',
    ASN: '15169',
    organization: 'Google',
    vpn: 'false',
    latitude: '37.42',
    abuse_events: '[]',
    operating_system: null,
  }),
  row(
    'ip-risky',
    '1.2.3.4',
    'ip',
    ['100', 'CRITICAL', 'fraud_score>=100; vpn; proxy; recent_abuse; bot_status'],
    {
      vpn: 'true',
      zip_code: 'N/A',
      longitude: '-157.80999756',
      abuse_events:
        '["Open Proxies","Abusive Users","IPQS Honeypots","Malware & Phishing","Bot Attacks","BrightData"]',
    },
  ),
  // N/A where numbers belong, nulls, and `Organization` capitalized
  row(
    'ip-quirks',
    '198.51.100.7',
    'ip',
    ['75', 'MODERATE RISK', 'fraud_score>=75; proxy'],
    {
      organization: 'Example Hosting Ltd',
      ASN: null,
      latitude: 'N/A',
      recent_abuse: null,
      shared_connection: null,
    },
    { organization: 'Example Hosting Ltd' },
  ),
  row('ip-unknown-fields', '8.8.4.4', 'ip', CLEAN, { operating_system: 'Windows 10', device_brand: 'N/A' }),
  row('email-clean', 'someone@example.com', 'email', CLEAN, {
    'domain_age.iso': '1995-09-14T00:00:00-04:00',
    'first_seen.timestamp': '1600000000',
    mx_records: '["mx.example.com"]',
    smtp_score: '3',
    'associated_names.status': null,
  }),
  row(
    'email-risky',
    'throwaway@mailinator.example',
    'email',
    ['100', 'CRITICAL', 'fraud_score>=100; disposable; valid=false; recent_abuse'],
    { disposable: 'true', valid: 'false', spam_trap_score: 'high', 'domain_age.human': '2 weeks ago' },
  ),
  row('email-quirks', 'q@example.com', 'email', ['0', 'INVALID', 'valid=false'], {
    'domain_age.timestamp': null,
    'domain_age.iso': 'N/A',
    'first_seen.iso': null,
    recent_abuse: null,
    mx_records: null,
    timed_out: 'true',
    identity_data: null,
  }),
  row('email-unknown-fields', 'u@example.com', 'email', CLEAN, { sanitized_email: 'someone@example.com' }),
  row('url-clean', 'https://google.com/', 'url', CLEAN, {
    server: ' gws\r\n',
    content_type: 'text/html; charset=UTF-8',
    domain_rank: '1',
    root_domain: null,
  }),
  row(
    'url-risky',
    'http://secure-bank.example/',
    'url',
    ['100', 'CRITICAL', 'risk_score>=90; phishing; suspicious'],
    {
      technologies: '[{"name":"nginx","categories":["Web servers"]}]',
      'domain_age.iso': '2025-11-26T18:33:20-05:00',
      ns_records: '["ns1.bulletproof.example"]',
    },
  ),
  // a domain rides on the url lookup; its score came as the string "55"
  row(
    'url-quirks',
    'unreachable.example',
    'domain',
    ['55', 'SUSPICIOUS', 'risk_score>=55'],
    {
      risk_score: '55',
      status_code: '0',
      ip_address: 'N/A',
      technologies: null,
      'domain_age.iso': null,
      a_records: '[]',
    },
    { risk_score: 55 },
  ),
  row('url-unknown-fields', 'https://u.example/', 'url', CLEAN, { domain: 'google.com', unsafe: 'false' }),
  row('phone-clean', '+916300445104', 'phone', CLEAN, {
    carrier: 'Reliance (JIO)',
    dialing_code: '91',
    prepaid: null,
    name: null,
    'number_recycling.message': RECYCLING,
  }),
  row(
    'phone-risky',
    '+14155552671',
    'phone',
    ['95', 'HIGH RISK', 'fraud_score>=90; active=false; recent_abuse'],
    {
      VOIP: 'true',
      active: 'false',
      active_status: 'Disconnected Line',
      'associated_email_addresses.status': null,
    },
  ),
  row('phone-quirks', '+18007132618', 'phone', ['50', 'SUSPICIOUS', 'fraud_score>=50'], {
    formatted: 'N/A',
    mnc: '410',
    dialing_code: null,
    active: null,
    'number_recycling.ported': null,
  }),
  row('phone-unknown-fields', '+14155550123', 'phone', CLEAN, { line_type: 'Landline', spammer: 'false' }),
];

const lookupOf = (row: Row): LookupType => (row.type === 'domain' ? 'url' : (row.type as LookupType));

describe('enrichBatch on IPQS answers', () => {
  it.each(ROWS.map((row) => [row.fixture, row.value, row] as const))(
    'writes exactly the expected outputs for %s (%s)',
    async (fixture, value, row) => {
      const lookup = lookupOf(row);
      const [rating, reputation, threatRating] = LABELS[row.verdict];
      const highRisk = row.verdict === 'HIGH RISK' || row.verdict === 'CRITICAL';
      const answer = ipqsFixture(fixture);
      const scope = expectLookup(lookup, value, [200, answer]);

      const { result, written } = await runBatch(pipelineApp({ indicators: value }));

      expect(scope.isDone()).toBe(true);
      expect(result).toStrictEqual({
        exitCode: 0,
        message: `IPQS: 1 indicator, 1 enriched, 0 failed, ${highRisk ? 1 : 0} high risk`,
      });

      // the answer as written: IPQS's own JSON (fields it added later included), personal data removed
      const raw = written['ipqs.json.raw!String'] as string;
      const expectedRaw = { ...answer, ...row.raw };
      for (const key of PERSONAL) delete expectedRaw[key];
      expect(JSON.parse(raw)).toStrictEqual(expectedRaw);

      const both = (name: string, cell: string) => ({
        [`${name}!String`]: cell,
        [`${name}!StringArray`]: [cell],
      });
      const generic = {
        ...both('ipqs.indicator', value),
        ...both('ipqs.indicator_type', row.type),
        ...both('ipqs.score', row.score),
        ...both('ipqs.verdict', row.verdict),
        ...both('ipqs.verdict_reasons', row.reasons),
        ...both('ipqs.threat_rating', rating),
        ...both('ipqs.error', ''),
        ...both('ipqs.cached', 'false'),
        ...both('ipqs.json.raw', raw),
        'ipqs.count!String': '1',
        'ipqs.success.count!String': '1',
        'ipqs.error.count!String': '0',
        'ipqs.high_risk.count!String': highRisk ? '1' : '0',
        'ipqs.high_risk.indicators!StringArray': highRisk ? [value] : [],
        [`ipqs.${lookup}reputation.json.raw!String`]: raw,
        [`ipqs.${lookup}reputation.results.data!String`]: expect.any(String),
      };
      const fieldPrefix = `ipqs.${lookup}.`;
      const notFields = Object.fromEntries(
        Object.entries(written).filter(([key]) => !key.startsWith(fieldPrefix)),
      );
      // nothing of the other types, and no other generic output
      expect(notFields).toStrictEqual(generic);
      expect(JSON.parse(written[`ipqs.${lookup}reputation.results.data!String`] as string)).toStrictEqual({
        ...expectedRaw,
        IPQS_Reputation: reputation,
        TC_Threat_Rating: threatRating,
      });

      // every field of the type: a one-cell StringArray, and a String exactly when the cell has a value
      for (const field of FIELD_CATALOG[lookup]) {
        const cells = written[`${fieldPrefix}${field.path}!StringArray`] as (string | null)[];
        expect(cells).toHaveLength(1);
        if (cells[0] === null) expect(written).not.toHaveProperty([`${fieldPrefix}${field.path}!String`]);
        else expect(written[`${fieldPrefix}${field.path}!String`]).toBe(cells[0]);
      }
      for (const [path, cell] of Object.entries(row.fields)) {
        expect([path, written[`${fieldPrefix}${path}!StringArray`]]).toStrictEqual([path, [cell]]);
      }
    },
  );

  it('keeps personal data in the outputs when include_personal_data is set', async () => {
    expectLookup('email', 'info@example.com', [200, ipqsFixture('email-fields')]);
    const { written } = await runBatch(
      pipelineApp({ indicators: 'info@example.com', include_personal_data: true }),
    );
    expect(written['ipqs.email.associated_names.names!String']).toBe('["Test Person"]');
    expect(JSON.parse(written['ipqs.json.raw!String'] as string)).toHaveProperty('identity_data');
  });

  it('drops personal data from every output, the raw JSON included, by default', async () => {
    expectLookup('email', 'info@example.com', [200, ipqsFixture('email-fields')]);
    const { written } = await runBatch(pipelineApp({ indicators: 'info@example.com' }));
    expect(written['ipqs.email.associated_names.names!StringArray']).toStrictEqual([null]);
    expect(written['ipqs.email.identity_data!StringArray']).toStrictEqual([null]);
    for (const name of ['ipqs.json.raw!String', 'ipqs.emailreputation.results.data!String']) {
      expect(written[name]).not.toMatch(/Test Person|identity_data|associated_|15550100000/);
    }
  });
});
