/**
 * The enrichment pipeline: classify every indicator, look the distinct valid ones up in IPQS with bounded
 * concurrency, judge each answer, stage the requested outputs, and decide the exit: a fatal IPQS error
 * stops the run at once (exit 1, finished indicators still written); otherwise any failed indicator
 * fails the run when `fail_on_error` is set.
 */
import { indicatorItems } from '../indicators/indicator-input';
import { createIpqsClient } from '../ipqs/client';
import type { IpqsClient } from '../ipqs/client';
import type { Log } from '../logging/log';
import type { Enrich, EnrichContext, EnrichResult } from '../runtime/enrich';
import { ExitCode } from '../tc/exit';
import type { AppParams, TcParams } from '../tc/params';
import { BatchOutputs } from './batch-outputs';
import type { IndicatorResult } from './indicator-result';
import { LookupRunner } from './lookup-runner';
import { planBatch } from './plan';
import type { PlannedIndicator } from './plan';
import { batchMessage } from './summary';

/** The IPQS client for a run: its key, base URL, timeouts, retries and the external proxy when enabled. */
export function clientFor(app: AppParams, tc: TcParams, log: Log): IpqsClient {
  const proxy =
    tc.tc_proxy_external && tc.tc_proxy_host && tc.tc_proxy_port
      ? {
          host: tc.tc_proxy_host,
          port: tc.tc_proxy_port,
          ...(tc.tc_proxy_username ? { username: tc.tc_proxy_username } : {}),
          ...(tc.tc_proxy_password ? { password: tc.tc_proxy_password } : {}),
        }
      : undefined;
  return createIpqsClient({
    apiKey: app.ipqs_api_key,
    baseUrl: app.ipqs_base_url,
    timeoutMs: app.request_timeout_seconds * 1000,
    maxRetries: app.max_retries,
    log,
    ...(proxy ? { proxy } : {}),
  });
}

async function resultFor(planned: PlannedIndicator, runner: LookupRunner): Promise<IndicatorResult> {
  const base = { index: planned.index, indicator: planned.indicator, type: planned.type };
  if (planned.invalid !== undefined || planned.key === undefined || planned.type === undefined) {
    return {
      ...base,
      outcome: { kind: 'failed', error: planned.invalid ?? `${planned.indicator}: not usable` },
    };
  }
  const outcome = await runner.lookup(planned.key, planned.type, planned.indicator);
  return {
    ...base,
    outcome: outcome.ok
      ? { kind: 'enriched', data: outcome.data, verdict: outcome.verdict, cached: outcome.cached }
      : { kind: 'failed', error: `${planned.indicator}: ${outcome.error}` },
  };
}

/** Runs `work` over every item with at most `concurrency` at a time. */
async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

export async function enrichBatch(context: EnrichContext, client: IpqsClient): Promise<EnrichResult> {
  const { app, stage, log, signal } = context;
  const plan = planBatch(indicatorItems(app.indicators), app);
  log.info('batch-planned', {
    indicators: plan.indicators.length,
    invalid: plan.indicators.filter((p) => p.invalid !== undefined).length,
  });
  const outputs = new BatchOutputs(plan, stage);
  const runner = new LookupRunner(client, app, log, signal);
  await forEachConcurrently(plan.indicators, app.max_concurrency, async (planned) => {
    outputs.add(await resultFor(planned, runner));
  });
  outputs.stageAll();

  const stoppedBy = runner.stoppedBy;
  const message = batchMessage({
    total: plan.indicators.length,
    enriched: outputs.enrichedCount,
    failed: outputs.failedCount,
    highRisk: outputs.highRiskCount,
    firstError: outputs.firstFailure,
    stoppedBy,
  });
  log.info('batch-done', {
    indicators: plan.indicators.length,
    enriched: outputs.enrichedCount,
    failed: outputs.failedCount,
    high_risk: outputs.highRiskCount,
  });
  const failed = stoppedBy !== undefined || (app.fail_on_error && outputs.failedCount > 0);
  return { exitCode: failed ? ExitCode.Failure : ExitCode.Success, message };
}

/** The pipeline the runtime runs: a fresh IPQS client per run, closed when the batch is done. */
export const enrich: Enrich = async (context) => {
  const client = clientFor(context.app, context.tc, context.log);
  try {
    return await enrichBatch(context, client);
  } finally {
    client.close();
  }
};
