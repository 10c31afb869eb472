/**
 * Runs the IPQS lookups of a batch: one request per distinct indicator (duplicates share it), at most
 * `max_concurrency` in flight, and none after a fatal error (invalid key, no credits, quota) or an
 * interrupt, so a broken run stops spending credits at once.
 */
import { errorMessage } from '../errors';
import type { IpqsClient, IpqsLookupRequest } from '../ipqs/client';
import { IpqsError } from '../ipqs/errors';
import { withoutPersonalData } from '../ipqs/personal-data';
import type { Log } from '../logging/log';
import type { AppParams } from '../tc/params';
import type { LookupParams } from '../ipqs/request-params';
import { HANDLERS } from './handlers';
import type { IndicatorType } from '../indicators/indicator-type';
import type { Verdict } from '../verdicts';
import type { PlannedIndicator } from './plan';

export type LookupOutcome =
  | {
      readonly ok: true;
      readonly data: Readonly<Record<string, unknown>>;
      readonly verdict: Verdict;
      readonly cached: boolean;
    }
  | { readonly ok: false; readonly error: string };

export class LookupRunner {
  /** Outcomes still owed to later duplicates; an entry is dropped once its last duplicate took it. */
  private readonly pending = new Map<string, { outcome: Promise<LookupOutcome>; remaining: number }>();
  private fatal: string | undefined;
  /** The request params of each indicator type: the same for every lookup of a batch, built once. */
  private readonly paramsByType = new Map<IndicatorType, LookupParams>();

  /**
   * `uses` counts how often each key occurs in the batch, so an outcome is kept only until its last
   * duplicate has taken it (memory does not grow with the batch); without it outcomes are kept.
   */
  constructor(
    private readonly client: IpqsClient,
    private readonly app: AppParams,
    private readonly log: Log,
    private readonly signal: AbortSignal,
    private readonly uses?: ReadonlyMap<string, number>,
  ) {}

  /** The reason the run stopped (a fatal IPQS error), if it did. */
  get stoppedBy(): string | undefined {
    return this.fatal;
  }

  /** The outcome for one distinct indicator; the same key is looked up once per batch. */
  lookup(key: string, type: IndicatorType, value: string): Promise<LookupOutcome> {
    let entry = this.pending.get(key);
    if (!entry) {
      entry = { outcome: this.request(type, value), remaining: this.uses?.get(key) ?? Infinity };
      this.pending.set(key, entry);
    }
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.pending.delete(key);
    return entry.outcome;
  }

  /**
   * Tells the client which indicators come next, so a cache can read them ahead in one round trip; not
   * once the run stopped, and not for keys already being looked up.
   */
  prefetch(planned: readonly PlannedIndicator[]): void {
    if (!this.client.prefetch || this.fatal !== undefined || this.signal.aborted) return;
    const requests: IpqsLookupRequest[] = [];
    for (const { key, type, indicator } of planned) {
      if (key === undefined || type === undefined || this.pending.has(key)) continue;
      requests.push(this.requestFor(type, indicator));
    }
    if (requests.length > 0) this.client.prefetch(requests);
  }

  private async request(type: IndicatorType, value: string): Promise<LookupOutcome> {
    if (this.fatal) return { ok: false, error: `not looked up: the run stopped (${this.fatal})` };
    if (this.signal.aborted) return { ok: false, error: 'not looked up: the run was interrupted' };
    const handler = HANDLERS[type];
    const serverTimeout = handler.serverTimeoutSeconds(this.app);
    try {
      const result = await this.client.lookup({
        ...this.requestFor(type, value),
        ...(serverTimeout === undefined ? {} : { serverTimeoutSeconds: serverTimeout }),
        signal: this.signal,
      });
      const data = this.app.include_personal_data
        ? result.data
        : withoutPersonalData(handler.lookup, result.data);
      return { ok: true, data, verdict: handler.verdict(result.data), cached: result.cached ?? false };
    } catch (error) {
      if (error instanceof IpqsError && error.fatal) {
        this.fatal ??= errorMessage(error);
        this.log.critical('ipqs-fatal', { error: errorMessage(error) });
      }
      return { ok: false, error: errorMessage(error) };
    }
  }

  /** Lookup, value and params of a request: a hint and its lookup share them (and so the cache key). */
  private requestFor(type: IndicatorType, value: string): IpqsLookupRequest {
    return { lookup: HANDLERS[type].lookup, value, params: this.paramsFor(type) };
  }

  private paramsFor(type: IndicatorType): LookupParams {
    let params = this.paramsByType.get(type);
    if (!params) {
      params = HANDLERS[type].params(this.app);
      this.paramsByType.set(type, params);
    }
    return params;
  }
}
