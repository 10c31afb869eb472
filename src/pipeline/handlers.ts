/**
 * The handler table: for each indicator type, which IPQS lookup serves it, the request params it sends and
 * how its answer is judged. URL and domain share the URL scanner. The pipeline never branches on type.
 */
import type { IndicatorType } from '../indicators/indicator-type';
import type { LookupType } from '../ipqs/fields';
import { lookupParams, serverTimeoutSeconds } from '../ipqs/request-params';
import type { LookupParams } from '../ipqs/request-params';
import type { AppParams } from '../tc/params';
import { verdictFor } from '../verdicts';
import type { Verdict } from '../verdicts';

export interface Handler {
  readonly lookup: LookupType;
  /** The IPQS query params for this type from the app params (extra_params included). */
  params(app: AppParams): LookupParams;
  /** IPQS's own server-side timeout for this lookup, which the request timeout must exceed. */
  serverTimeoutSeconds(app: AppParams): number | undefined;
  verdict(data: Readonly<Record<string, unknown>>): Verdict;
}

function handlerFor(type: IndicatorType, lookup: LookupType): Handler {
  return {
    lookup,
    params: (app) => lookupParams(lookup, app),
    serverTimeoutSeconds: (app) => serverTimeoutSeconds(lookup, app),
    verdict: (data) => verdictFor(type, data),
  };
}

export const HANDLERS = {
  ip: handlerFor('ip', 'ip'),
  email: handlerFor('email', 'email'),
  url: handlerFor('url', 'url'),
  domain: handlerFor('domain', 'url'),
  phone: handlerFor('phone', 'phone'),
} as const satisfies Record<IndicatorType, Handler>;
