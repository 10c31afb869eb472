/** Maps what axios throws for a failed request to a typed IpqsError, without the request config. */
import { isAxiosError, isCancel } from 'axios';
import type { LookupType } from './fields';
import { IpqsAbortedError, IpqsError, IpqsNetworkError, IpqsResponseError, IpqsTimeoutError } from './errors';

/** An IPQS answer is a few KiB: a larger body is not one, and is not read to the end (1 MiB). */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The IpqsError for a request that got no usable HTTP answer: an IpqsError thrown while reading the answer
 * passes through; otherwise the deadline, a cancel, a cut or oversized body, or the socket error code.
 * Anything axios did not throw (a bug of ours, a TypeError say) is thrown again as it is: reported as a
 * network error it would be retried, and each retry would spend a credit.
 */
export function transportError(
  lookup: LookupType,
  error: unknown,
  timeoutMs: number,
  timedOut: boolean,
): IpqsError {
  if (error instanceof IpqsError) return error;
  if (!timedOut && !isAxiosError(error)) throw error;
  // only the code is kept: the axios error holds the request config, IPQS-KEY header included
  const code = (error as { code?: unknown } | null)?.code;
  if (timedOut) return new IpqsTimeoutError(timeoutMs, { lookup });
  if (isCancel(error)) return new IpqsAbortedError('lookup cancelled', { lookup });
  if (code === 'ERR_BAD_RESPONSE') return badResponse(lookup, error);
  if (code === 'ETIMEDOUT') return new IpqsTimeoutError(timeoutMs, { lookup });
  return new IpqsNetworkError(typeof code === 'string' && code !== '' ? code : 'no response', { lookup });
}

/** axios's ERR_BAD_RESPONSE: the answer stopped halfway (the connection closed) or was too large. */
function badResponse(lookup: LookupType, error: unknown): IpqsError {
  const text = error instanceof Error ? error.message : '';
  if (text.includes('maxContentLength')) {
    return new IpqsResponseError('response larger than 1 MiB', { lookup });
  }
  return new IpqsNetworkError('ECONNRESET', { lookup }, 'connection closed before the answer was complete');
}
