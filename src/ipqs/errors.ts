/**
 * Typed IPQS failures. Every message is one line, `IPQS <lookup> lookup failed: <reason>`, and never holds
 * the API key or a URL. `fatal` errors (key, credits, quota) stop the whole run; `retryable` ones (rate
 * limits, 5xx, resets, timeouts) are retried with backoff; the rest fail one indicator.
 */
import { AppError } from '../errors';
import type { LookupType } from './fields';

/** Where a failure happened: the lookup, and what IPQS told us about the request. */
export interface IpqsErrorContext {
  readonly lookup: LookupType;
  readonly status?: number;
  readonly requestId?: string;
  readonly cause?: unknown;
}

/** Base of every IPQS failure; check `fatal` and `retryable` rather than the class where you can. */
export abstract class IpqsError extends AppError {
  override readonly name: string = 'IpqsError';
  abstract readonly fatal: boolean;
  abstract readonly retryable: boolean;
  readonly lookup: LookupType;
  readonly status?: number;
  readonly requestId?: string;

  constructor(reason: string, context: IpqsErrorContext) {
    super(`IPQS ${context.lookup} lookup failed: ${reason}`, { cause: context.cause });
    this.lookup = context.lookup;
    if (context.status !== undefined) this.status = context.status;
    if (context.requestId !== undefined) this.requestId = context.requestId;
  }
}

/** The account cannot be used (key, credits, quota): fatal, every further request would fail the same way. */
abstract class IpqsAccountError extends IpqsError {
  readonly fatal = true;
  readonly retryable = false;
}

/** The key is unknown or revoked (success:false "Invalid or unauthorized key", HTTP 401/403). */
export class IpqsInvalidKeyError extends IpqsAccountError {
  override readonly name = 'IpqsInvalidKeyError';
}

/** The account has no credits left (success:false "insufficient credits", HTTP 402). */
export class IpqsInsufficientCreditsError extends IpqsAccountError {
  override readonly name = 'IpqsInsufficientCreditsError';
}

/** The plan's request quota is used up ("You have exceeded your request quota ..."). */
export class IpqsQuotaExceededError extends IpqsAccountError {
  override readonly name = 'IpqsQuotaExceededError';
}

/** A transient failure: retried, after the Retry-After IPQS (or its gateway) sent, when it sent one. */
abstract class IpqsRetryAfterError extends IpqsError {
  readonly fatal = false;
  readonly retryable = true;
  readonly retryAfterMs?: number;

  constructor(reason: string, context: IpqsErrorContext & { readonly retryAfterMs?: number }) {
    super(reason, context);
    if (context.retryAfterMs !== undefined) this.retryAfterMs = context.retryAfterMs;
  }
}

/** Throttled (HTTP 429 or 509). */
export class IpqsRateLimitedError extends IpqsRetryAfterError {
  override readonly name = 'IpqsRateLimitedError';
}

/** IPQS (or a gateway in front of it) answered 5xx. */
export class IpqsServerError extends IpqsRetryAfterError {
  override readonly name = 'IpqsServerError';
}

/**
 * No complete HTTP answer: the connection was refused or reset, the host did not resolve, or the answer
 * was cut off.
 */
export class IpqsNetworkError extends IpqsError {
  override readonly name = 'IpqsNetworkError';
  readonly fatal = false;
  readonly retryable = true;

  /** `detail` replaces the code in the message when it says more (e.g. where the connection closed). */
  constructor(
    readonly code: string,
    context: IpqsErrorContext,
    detail?: string,
  ) {
    super(`network error (${detail ?? code})`, context);
  }
}

/** No answer within the per-request timeout. */
export class IpqsTimeoutError extends IpqsError {
  override readonly name = 'IpqsTimeoutError';
  readonly fatal = false;
  readonly retryable = true;

  constructor(
    readonly timeoutMs: number,
    context: IpqsErrorContext,
  ) {
    super(`no response within ${timeoutMs} ms`, context);
  }
}

/** IPQS rejected the value itself ("Invalid IPv4 address ..."): this indicator fails, the run goes on. */
export class IpqsInvalidInputError extends IpqsError {
  override readonly name = 'IpqsInvalidInputError';
  readonly fatal = false;
  readonly retryable = false;
}

/** Any other failure IPQS reported (success:false with an unknown message, other 4xx and 3xx answers). */
export class IpqsApiError extends IpqsError {
  override readonly name = 'IpqsApiError';
  readonly fatal = false;
  readonly retryable = false;
}

/**
 * The answer is not a usable IPQS response: empty, HTML, truncated JSON (`retryable`, these are usually
 * transient) or JSON of the wrong shape (not retryable; `issues` names the fields).
 */
export class IpqsResponseError extends IpqsError {
  override readonly name = 'IpqsResponseError';
  readonly fatal = false;
  readonly retryable: boolean;
  readonly issues: readonly string[];

  constructor(
    reason: string,
    context: IpqsErrorContext & { readonly issues?: readonly string[]; readonly retryable?: boolean },
  ) {
    super(reason, context);
    this.issues = context.issues ?? [];
    this.retryable = context.retryable ?? false;
  }
}

/** The lookup was cancelled (the run is stopping) or the client was closed. */
export class IpqsAbortedError extends IpqsError {
  override readonly name = 'IpqsAbortedError';
  readonly fatal = false;
  readonly retryable = false;
}

const INVALID_KEY = /invalid (.*)key|unauthori[sz]ed key/i;
const NO_CREDITS = /insufficient credits/i;
const QUOTA = /exceeded .*quota|request quota/i;
const THROTTLED = /rate limit|too many requests/i;
const INVALID_INPUT = /invalid .*(address|url|number|phone|email|hostname)|not a valid/i;
const MAX_MESSAGE_LENGTH = 200;

/** What else the client knows about a failed answer. */
export interface FailureContext {
  /** From the Retry-After header, already in milliseconds. */
  readonly retryAfterMs?: number;
  /** Masked out of IPQS's message, should IPQS ever quote it back. */
  readonly apiKey?: string;
}

/**
 * Maps an HTTP status and body (parsed JSON, or the raw text when it is not JSON) to the matching error.
 * Known success:false messages win over the status; then 401/403 key, 402 credits, 429/509 rate limit,
 * 5xx server, invalid-input messages; anything else is IpqsApiError (or IpqsResponseError at HTTP 2xx).
 */
export function classifyFailure(
  lookup: LookupType,
  httpStatus: number,
  body: unknown,
  context: FailureContext = {},
): IpqsError {
  const record = isRecord(body) ? body : undefined;
  const message = cleanMessage(messageOf(record), context.apiKey);
  const requestId = typeof record?.request_id === 'string' ? record.request_id : undefined;
  const base = { lookup, status: httpStatus, ...(requestId !== undefined && { requestId }) };
  const detail = (label: string) => {
    const parts = [httpStatus >= 200 && httpStatus < 300 ? '' : `HTTP ${httpStatus}`, message];
    const text = parts.filter((part) => part !== '').join(': ');
    return text === '' ? label : `${label} (${text})`;
  };
  const retry = context.retryAfterMs !== undefined ? { retryAfterMs: context.retryAfterMs } : {};

  if (INVALID_KEY.test(message)) return new IpqsInvalidKeyError(detail('invalid API key'), base);
  if (NO_CREDITS.test(message)) return new IpqsInsufficientCreditsError(detail('insufficient credits'), base);
  if (QUOTA.test(message)) return new IpqsQuotaExceededError(detail('request quota exceeded'), base);
  if (httpStatus === 401 || httpStatus === 403) {
    return new IpqsInvalidKeyError(detail('invalid API key'), base);
  }
  if (httpStatus === 402) return new IpqsInsufficientCreditsError(detail('insufficient credits'), base);
  if (httpStatus === 429 || httpStatus === 509 || THROTTLED.test(message)) {
    return new IpqsRateLimitedError(detail('rate limited'), { ...base, ...retry });
  }
  if (httpStatus >= 500) return new IpqsServerError(detail('server error'), { ...base, ...retry });
  if (INVALID_INPUT.test(message)) return new IpqsInvalidInputError(detail('invalid input'), base);
  if (httpStatus >= 300 && httpStatus < 400) {
    // redirects are not followed (the key header would travel with them): the base URL is wrong
    return new IpqsApiError(detail('redirected, check the IPQS base URL'), base);
  }
  if (httpStatus >= 200 && httpStatus < 300 && record?.success !== false) {
    return notIpqsJson(lookup, httpStatus, body);
  }
  return new IpqsApiError(
    detail(record?.success === false ? 'IPQS reported a failure' : 'request rejected'),
    base,
  );
}

/** The error for an HTTP 2xx body that is not an IPQS JSON object (empty, HTML, truncated, not an object). */
function notIpqsJson(lookup: LookupType, status: number, body: unknown): IpqsResponseError {
  if (typeof body !== 'string') {
    return new IpqsResponseError('response is not a JSON object', { lookup, status });
  }
  const text = body.trim();
  const title = text.startsWith('<') ? htmlTitle(text) : undefined;
  const reason =
    text === ''
      ? 'empty response body'
      : text.startsWith('<')
        ? `response is HTML, not JSON${title === undefined ? '' : ` (page title: ${title})`}`
        : 'response is not valid JSON (truncated?)';
  // a cut or garbled body is usually a transient network or gateway problem: worth another try
  return new IpqsResponseError(reason, { lookup, status, retryable: true });
}

const MAX_TITLE_LENGTH = 60;

/** An HTML page's title on one line, bounded (it names the gateway or captive portal that answered). */
function htmlTitle(html: string): string | undefined {
  const match = /<title[^>]*>([^<]*)<\/title>/i.exec(html);
  const title = match?.[1]?.replace(/\s+/g, ' ').trim();
  if (!title) return undefined;
  return title.length > MAX_TITLE_LENGTH ? `${title.slice(0, MAX_TITLE_LENGTH - 3)}...` : title;
}

/** IPQS's `message`, or its `errors` list when the message is empty (the official SDK declares both). */
function messageOf(record: Record<string, unknown> | undefined): unknown {
  const message = record?.message;
  if (typeof message === 'string' && message.trim() !== '') return message;
  const errors = record?.errors;
  if (!Array.isArray(errors)) return message;
  return errors.filter((item): item is string => typeof item === 'string').join('; ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** IPQS's message on one line, bounded, with the key masked. */
function cleanMessage(value: unknown, apiKey: string | undefined): string {
  if (typeof value !== 'string') return '';
  let text = value.replace(/\s+/g, ' ').trim();
  if (apiKey !== undefined && apiKey.length > 0) text = text.split(apiKey).join('***');
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH - 3)}...` : text;
}
