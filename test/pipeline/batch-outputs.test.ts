import { lookupTypeOf } from '../../src/indicators/indicator-type';
import { parseIpqsResponse } from '../../src/ipqs/schemas';
import { BatchOutputs } from '../../src/pipeline/batch-outputs';
import type { IndicatorResult } from '../../src/pipeline/indicator-result';
import { planBatch } from '../../src/pipeline/plan';
import type { Plan } from '../../src/pipeline/plan';
import type { OutputStage } from '../../src/tc/playbook/output-stage';
import { verdictFor } from '../../src/verdicts';
import { flushedOutputs, ipqsFixture, outputStage, pipelineApp } from '../helpers/pipeline';

function planOf(...values: string[]): Plan {
  return planBatch(
    values.map((value) => ({ value })),
    pipelineApp(),
  );
}

/** The result of indicator `index` answered with a fixture. */
function enriched(plan: Plan, index: number, fixture: string): IndicatorResult {
  const planned = plan.indicators[index]!;
  const type = planned.type!;
  const data = parseIpqsResponse(lookupTypeOf(type), ipqsFixture(fixture));
  return {
    index,
    indicator: planned.indicator,
    type,
    outcome: { kind: 'enriched', data, verdict: verdictFor(type, data), cached: false },
  };
}

/** The result of indicator `index` failed (its own invalid reason, or a lookup error). */
function failed(plan: Plan, index: number, error = 'lookup failed'): IndicatorResult {
  const planned = plan.indicators[index]!;
  return {
    index,
    indicator: planned.indicator,
    type: planned.type,
    outcome: { kind: 'failed', error: planned.invalid ?? `${planned.indicator}: ${error}` },
  };
}

async function collect(plan: Plan, results: IndicatorResult[], stage: OutputStage = outputStage()) {
  const outputs = new BatchOutputs(plan, stage);
  for (const result of results) outputs.add(result);
  outputs.stageAll();
  return { outputs, written: await flushedOutputs(stage) };
}

// ip, email (risky), invalid, ip (risky), domain (on the url lookup)
const MIXED = planOf('8.8.8.8', 'someone@example.com', '10.0.0.300', '1.2.3.4', 'example.com');
const MIXED_RESULTS = [
  enriched(MIXED, 0, 'ip-clean'),
  enriched(MIXED, 1, 'email-risky'),
  failed(MIXED, 2),
  enriched(MIXED, 3, 'ip-risky'),
  enriched(MIXED, 4, 'url-quirks'),
];
const BAD_IP = '10.0.0.300: not an IP address (octet above 255)';

describe('BatchOutputs', () => {
  it('writes the generic outputs in input order whatever order the results arrive in', async () => {
    const arrival = [4, 2, 0, 3, 1].map((index) => MIXED_RESULTS[index]!);
    const { written } = await collect(MIXED, arrival);

    expect(written).toMatchObject({
      'ipqs.indicator!StringArray': [
        '8.8.8.8',
        'someone@example.com',
        '10.0.0.300',
        '1.2.3.4',
        'example.com',
      ],
      'ipqs.indicator!String': '8.8.8.8',
      'ipqs.indicator_type!StringArray': ['ip', 'email', null, 'ip', 'domain'],
      'ipqs.score!StringArray': ['0', '100', null, '100', '55'],
      'ipqs.verdict!StringArray': ['CLEAN', 'CRITICAL', null, 'CRITICAL', 'SUSPICIOUS'],
      'ipqs.verdict_reasons!StringArray': [
        '',
        'fraud_score>=100; disposable; valid=false; recent_abuse',
        null,
        'fraud_score>=100; vpn; proxy; recent_abuse; bot_status',
        'risk_score>=55',
      ],
      'ipqs.threat_rating!StringArray': ['0', '5', null, '5', '1'],
      'ipqs.error!StringArray': ['', '', BAD_IP, '', ''],
      'ipqs.error!String': '',
      'ipqs.cached!StringArray': ['false', 'false', 'false', 'false', 'false'],
      'ipqs.count!String': '5',
      'ipqs.success.count!String': '4',
      'ipqs.error.count!String': '1',
      'ipqs.high_risk.count!String': '2',
      'ipqs.high_risk.indicators!StringArray': ['someone@example.com', '1.2.3.4'],
    });
  });

  it('writes each type its own field outputs: String the first of the type, StringArray all of it', async () => {
    const { written } = await collect(MIXED, [...MIXED_RESULTS].reverse());

    expect(written).toMatchObject({
      'ipqs.ip.fraud_score!StringArray': ['0', '100'],
      'ipqs.ip.fraud_score!String': '0',
      'ipqs.ip.vpn!StringArray': ['false', 'true'],
      'ipqs.ip.city!String': 'Mountain View',
      'ipqs.email.disposable!StringArray': ['true'],
      'ipqs.email.disposable!String': 'true',
      // the domain is answered by the url lookup and fills the url outputs
      'ipqs.url.risk_score!StringArray': ['55'],
      'ipqs.url.domain!String': 'unreachable.example',
    });
    expect(Object.keys(written).filter((key) => key.startsWith('ipqs.phone.'))).toStrictEqual([]);
  });

  it('puts null in the field arrays for an indicator of the type that failed, and no String when it is the first', async () => {
    const plan = planOf('8.8.8.8', '1.2.3.4', '9.9.9.9');
    const { written } = await collect(plan, [
      enriched(plan, 2, 'ip-clean'),
      failed(plan, 0, 'IPQS ip lookup failed: server error (HTTP 500)'),
      enriched(plan, 1, 'ip-risky'),
    ]);

    expect(written['ipqs.ip.fraud_score!StringArray']).toStrictEqual([null, '100', '0']);
    expect(written).not.toHaveProperty(['ipqs.ip.fraud_score!String']);
    expect(written['ipqs.score!StringArray']).toStrictEqual([null, '100', '0']);
    expect(written).not.toHaveProperty(['ipqs.score!String']);
    expect(written['ipqs.error!String']).toBe('8.8.8.8: IPQS ip lookup failed: server error (HTTP 500)');
    // v1.0 outputs describe the first IP, which has no answer
    expect(written).not.toHaveProperty(['ipqs.ipreputation.json.raw!String']);
  });

  it('writes the v1.0 outputs from the first indicator of each type, with the v1.0 labels', async () => {
    const { written } = await collect(MIXED, MIXED_RESULTS);

    const raw = JSON.parse(written['ipqs.ipreputation.json.raw!String'] as string) as Record<string, unknown>;
    expect(raw).toMatchObject({ request_id: 'ipClean0001', fraud_score: 0 });
    expect(JSON.parse(written['ipqs.emailreputation.results.data!String'] as string)).toMatchObject({
      request_id: 'emRisky0001',
      IPQS_Reputation: 'Critical',
      TC_Threat_Rating: 'Critical Threat',
    });
    expect(JSON.parse(written['ipqs.urlreputation.results.data!String'] as string)).toMatchObject({
      request_id: 'urlQuirk0001',
      IPQS_Reputation: 'Suspicious',
      TC_Threat_Rating: 'Suspicious',
    });
    expect(Object.keys(written).filter((key) => key.startsWith('ipqs.phonereputation'))).toStrictEqual([]);
  });

  it('writes only the outputs that were requested', async () => {
    const stage = outputStage([
      'ipqs.verdict!StringArray',
      'ipqs.score!String',
      'ipqs.ip.vpn!String',
      'ipqs.error.count!String',
      'ipqs.emailreputation.results.data!String',
    ]);
    const { written } = await collect(MIXED, MIXED_RESULTS, stage);

    expect(Object.keys(written).sort()).toStrictEqual([
      'ipqs.emailreputation.results.data!String',
      'ipqs.error.count!String',
      'ipqs.ip.vpn!String',
      'ipqs.score!String',
      'ipqs.verdict!StringArray',
    ]);
  });

  it('writes nothing when nothing was requested', async () => {
    const { written } = await collect(MIXED, MIXED_RESULTS, outputStage([]));
    expect(written).toStrictEqual({});
  });

  it('counts and names the first failure in input order, not in arrival order', async () => {
    const plan = planOf('8.8.8.8', '10.0.0.300', '1.2.3.4', 'nonsense');
    const { outputs } = await collect(plan, [
      failed(plan, 3),
      failed(plan, 1),
      enriched(plan, 2, 'ip-risky'),
      failed(plan, 0, 'IPQS ip lookup failed: network error (ECONNRESET)'),
    ]);

    expect(outputs.firstFailure).toBe('8.8.8.8: IPQS ip lookup failed: network error (ECONNRESET)');
    expect([outputs.enrichedCount, outputs.failedCount, outputs.highRiskCount]).toStrictEqual([1, 3, 1]);
  });
});
