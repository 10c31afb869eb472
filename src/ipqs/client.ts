/**
 * The IPQS HTTP client: `GET {base}/{lookup}?{lookup}=<value>&<params>` with the key in the `IPQS-KEY`
 * header, never in a URL. Every answer is classified here (IPQS says 200 even on failure), transient
 * failures are retried, and after a fatal one (key, credits, quota) the client refuses to send anything.
 */
import http from 'node:http';
import https from 'node:https';
import axios from 'axios';
import type { AxiosProxyConfig, AxiosResponse } from 'axios';
import { AppError } from '../errors';
import { silentLog } from '../logging/log';
import type { Log } from '../logging/log';
import { hookedTransport } from './connection-hook';
import { Deadline } from './deadline';
import { classifyFailure, IpqsAbortedError } from './errors';
import type { IpqsError } from './errors';
import type { LookupType } from './fields';
import { lookupQuery } from './query-string';
import { defaultSleep, parseRetryAfter, withRetries } from './retry';
import { MAX_BODY_BYTES, transportError } from './transport-error';
import { parseIpqsResponse } from './schemas';
import type { IpqsResponseByLookup } from './schemas';

export const DEFAULT_IPQS_BASE_URL = 'https://ipqualityscore.com/api/json';
export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_RETRIES = 3;
/** Sockets per host: above the largest max_concurrency (64), so keep-alive never queues requests. */
const MAX_SOCKETS = 64;
/** Extra time given on top of IPQS's own server-side timeout before we give up on an answer. */
const SERVER_TIMEOUT_MARGIN_MS = 5_000;

export interface IpqsProxy {
  readonly host: string;
  readonly port: number;
  readonly username?: string;
  readonly password?: string;
}

export interface IpqsClientOptions {
  readonly apiKey: string;
  /** Default DEFAULT_IPQS_BASE_URL. */
  readonly baseUrl?: string;
  /**
   * Per-request deadline, from sending the request to the last byte of the answer (a body that trickles
   * in cannot stretch it); raised above `serverTimeoutSeconds` when a lookup has one.
   */
  readonly timeoutMs?: number;
  readonly maxRetries?: number;
  /** An HTTP proxy (tc_proxy_external). */
  readonly proxy?: IpqsProxy;
  readonly log?: Log;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /** The clock Retry-After dates are read against (tests). */
  readonly now?: () => number;
  /** Awaited before every request, retries included: the shared requests-per-second limit. */
  readonly beforeRequest?: (signal?: AbortSignal) => Promise<void>;
}

export interface IpqsLookupRequest<L extends LookupType = LookupType> {
  readonly lookup: L;
  readonly value: string;
  /** From `lookupParams`; `key` and the lookup's own name are dropped if present. */
  readonly params: Readonly<Record<string, string | string[]>>;
  /** IPQS's own timeout for this lookup (email/url `timeout`), from `serverTimeoutSeconds`. */
  readonly serverTimeoutSeconds?: number;
  readonly signal?: AbortSignal;
}

/** A validated answer; with a literal `lookup`, `data` has that lookup's type. */
export interface IpqsLookupResult<L extends LookupType = LookupType> {
  readonly lookup: L;
  readonly data: IpqsResponseByLookup[L];
  readonly requestId?: string;
  /** Requests sent, retries included (0 when the answer came from the result cache). */
  readonly attempts: number;
  /** True when the answer came from the shared result cache, not from IPQS. */
  readonly cached?: boolean;
}

export interface IpqsClient {
  /** Looks one value up; throws an IpqsError (the same fatal one, unsent, once a fatal error happened). */
  lookup<L extends LookupType>(request: IpqsLookupRequest<L>): Promise<IpqsLookupResult<L>>;
  /** Closes the keep-alive sockets; later lookups fail with IpqsAbortedError. */
  close(): void;
  /**
   * A hint: these lookups come soon. A client with a cache reads their entries ahead in one round trip;
   * a plain client ignores it. Nothing is sent to IPQS.
   */
  prefetch?(requests: readonly IpqsLookupRequest[]): void;
}

function proxyConfig(proxy: IpqsProxy): AxiosProxyConfig {
  const auth =
    proxy.username !== undefined ? { username: proxy.username, password: proxy.password ?? '' } : undefined;
  return { protocol: 'http', host: proxy.host, port: proxy.port, auth };
}

/** True when the environment names a proxy (axios then applies it, `NO_PROXY` included). */
function hasEnvProxy(): boolean {
  return ['http_proxy', 'https_proxy', 'all_proxy'].some(
    (name) => (process.env[name] ?? process.env[name.toUpperCase()] ?? '') !== '',
  );
}

/** JSON when the text is JSON, else the text itself (HTML, empty, truncated): classified, never thrown. */
function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Creates a client; nothing is sent until the first lookup. */
export function createIpqsClient(options: IpqsClientOptions): IpqsClient {
  if (options.apiKey.trim() === '') throw new AppError('IPQS client not created: the API key is empty');
  const log = options.log ?? silentLog;
  const now = options.now ?? Date.now;
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const baseTimeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS });
  const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS });
  const client = axios.create({
    baseURL: (options.baseUrl ?? DEFAULT_IPQS_BASE_URL).replace(/\/+$/, ''),
    headers: { 'IPQS-KEY': options.apiKey, Accept: 'application/json' },
    httpAgent,
    httpsAgent,
    // without a configured proxy axios reads the proxy environment on every request: read it once here
    proxy: options.proxy ? proxyConfig(options.proxy) : hasEnvProxy() ? undefined : false,
    // every status is classified by us; the body is parsed by us, so bad bodies are errors, not crashes
    validateStatus: () => true,
    responseType: 'text',
    maxContentLength: MAX_BODY_BYTES,
    transformResponse: [(data: unknown) => data],
    // a redirect would carry the IPQS-KEY header to wherever it points
    maxRedirects: 0,
    transitional: { clarifyTimeoutError: true },
  });
  let fatal: IpqsError | undefined;
  let closed = false;

  function handle<L extends LookupType>(
    lookup: L,
    response: AxiosResponse<unknown>,
  ): IpqsResponseByLookup[L] {
    const body = parseBody(typeof response.data === 'string' ? response.data : '');
    const ok = response.status >= 200 && response.status < 300;
    if (ok && typeof body === 'object' && body !== null && !Array.isArray(body)) {
      return parseIpqsResponse(lookup, body);
    }
    const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now());
    throw classifyFailure(lookup, response.status, body, {
      apiKey: options.apiKey,
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    });
  }

  async function attempt<L extends LookupType>(
    request: IpqsLookupRequest<L>,
    attemptNo: number,
  ): Promise<IpqsLookupResult<L>> {
    const { lookup } = request;
    if (fatal) throw fatal;
    if (closed) throw new IpqsAbortedError('client closed', { lookup });
    if (request.signal?.aborted) throw new IpqsAbortedError('lookup cancelled', { lookup });
    if (options.beforeRequest) {
      await options.beforeRequest(request.signal);
      // another lookup may have hit a fatal error while this one waited for its turn
      const latched = fatal as IpqsError | undefined;
      if (latched) throw latched;
    }
    const serverMs =
      request.serverTimeoutSeconds !== undefined
        ? request.serverTimeoutSeconds * 1000 + SERVER_TIMEOUT_MARGIN_MS
        : 0;
    const timeoutMs = Math.max(baseTimeoutMs, serverMs);
    const deadline = new Deadline(timeoutMs);
    let unsent: IpqsError | undefined;
    // once it has a connection: a fatal error that came in while it waited for one keeps it unsent
    const transport = hookedTransport((req) => {
      unsent = fatal ?? (closed ? new IpqsAbortedError('client closed', { lookup }) : undefined);
      if (unsent) req.destroy(unsent);
      else deadline.start(req);
    });
    const started = performance.now();
    let status: number | undefined;
    try {
      // the query built here rather than by axios's params handling: one less config merge per request
      const query = lookupQuery(lookup, request.value, request.params);
      const response = await client.get<unknown>(`/${lookup}?${query}`, {
        ...(request.signal ? { signal: request.signal } : {}),
        transport,
      });
      status = response.status;
      const data = handle(lookup, response);
      const requestId = typeof data.request_id === 'string' ? data.request_id : undefined;
      log.debug('ipqs-request', {
        lookup,
        status,
        ms: elapsed(started),
        attempt: attemptNo,
        request_id: requestId,
      });
      return { lookup, data, attempts: attemptNo, ...(requestId !== undefined && { requestId }) };
    } catch (error) {
      if (unsent) throw unsent;
      const failure = transportError(lookup, error, timeoutMs, deadline.expired);
      log.debug('ipqs-request', {
        lookup,
        status,
        ms: elapsed(started),
        attempt: attemptNo,
        request_id: failure.requestId,
        error: failure.name,
      });
      if (failure.fatal) fatal ??= failure;
      throw failure;
    } finally {
      deadline.clear();
    }
  }

  return {
    lookup(request) {
      return withRetries((attemptNo) => attempt(request, attemptNo), {
        maxRetries,
        sleep: options.sleep ?? defaultSleep,
        random: options.random ?? Math.random,
        onRetry: ({ attempt: attemptNo, delayMs, error }) =>
          log.info('ipqs-retry', {
            lookup: request.lookup,
            attempt: attemptNo,
            delay_ms: delayMs,
            error: error.name,
          }),
      });
    },
    close() {
      closed = true;
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
