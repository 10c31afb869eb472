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
import { proxyFor } from '../runtime/proxy';
import { withResultCache } from '../throughput/cached-client';
import { openRunThroughput } from '../throughput/run-throughput';
import { ExitCode } from '../tc/exit';
import type { AppParams, TcParams } from '../tc/params';
import { BatchOutputs } from './batch-outputs';
import type { IndicatorResult } from './indicator-result';
import { LookupRunner } from './lookup-runner';
import { planBatch } from './plan';
import type { PlannedIndicator } from './plan';
import { batchMessage } from './summary';

/** The IPQS client for a run: its key, base URL, timeouts, retries and the external proxy when enabled. */
export function clientFor(
  app: AppParams,
  tc: TcParams,
  log: Log,
  beforeRequest?: (signal?: AbortSignal) => Promise<void>,
): IpqsClient {
  const proxy = proxyFor(tc, tc.tc_proxy_external);
  return createIpqsClient({
    apiKey: app.ipqs_api_key,
    baseUrl: app.ipqs_base_url,
    timeoutMs: app.request_timeout_seconds * 1000,
    maxRetries: app.max_retries,
    log,
    ...(beforeRequest ? { beforeRequest } : {}),
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

/** Indicators whose cache entries are read ahead in one round trip; the read-ahead stays 1-2 chunks ahead. */
const READ_AHEAD_CHUNK = 256;

/**
 * Runs `work` over every item with at most `concurrency` at a time; `ahead(from, to)` is called before the
 * workers reach item `from`, for the next chunk of items.
 */
async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
  ahead?: (from: number, to: number) => void,
): Promise<void> {
  let next = 0;
  let aheadTo = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      while (ahead && aheadTo < items.length && aheadTo <= next + READ_AHEAD_CHUNK) {
        const from = aheadTo;
        aheadTo = Math.min(items.length, from + READ_AHEAD_CHUNK);
        ahead(from, aheadTo);
      }
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

export interface EnrichBatchOptions {
  /** Called once per indicator as its result is known (in completion order): the CLI streams from it. */
  readonly onResult?: (result: IndicatorResult) => void;
  /** Called once the batch is classified, with the number of indicators. */
  readonly onPlanned?: (count: number) => void;
}

export async function enrichBatch(
  context: EnrichContext,
  client: IpqsClient,
  options: EnrichBatchOptions = {},
): Promise<EnrichResult> {
  const { app, stage, log, signal } = context;
  const plan = planBatch(indicatorItems(app.indicators), app);
  log.info('batch-planned', {
    indicators: plan.indicators.length,
    invalid: plan.indicators.filter((p) => p.invalid !== undefined).length,
  });
  options.onPlanned?.(plan.indicators.length);
  const outputs = new BatchOutputs(plan, stage);
  let staged = false;
  // an interrupted run still writes what finished: the runtime calls this before its flush
  context.beforeFlush?.(() => {
    if (!staged) outputs.stageAll();
  });
  const runner = new LookupRunner(client, app, log, signal, plan.keyUses);
  await forEachConcurrently(
    plan.indicators,
    app.max_concurrency,
    async (planned) => {
      const result = await resultFor(planned, runner);
      outputs.add(result);
      options.onResult?.(result);
    },
    (from, to) => runner.prefetch(plan.indicators.slice(from, to)),
  );
  outputs.stageAll();
  staged = true;

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

/** The pipeline the runtime runs: a fresh IPQS client per run behind the shared limit and cache. */
export const enrich: Enrich = async (context) => {
  const throughput = await openRunThroughput(context.app, context.tc, context.log);
  const ipqs = clientFor(context.app, context.tc, context.log, (signal) =>
    throughput.rateLimit.acquire(signal),
  );
  const client = withResultCache(ipqs, throughput.cache, context.app.ipqs_api_key);
  try {
    return await enrichBatch(context, client);
  } finally {
    client.close();
    await client.drain();
    await throughput.close();
  }
};
