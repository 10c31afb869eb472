/** The simulator's failure answers, with IPQS's own messages where they are known. */
import type { LookupType } from '../../ipqs/fields';
import { SCORE_FIELD } from '../../ipqs/schemas';
import type { FailureClass } from '../magic-values';
import type { SimulatedAnswer } from '../simulated-answer';

/** The exact `message` of each account failure (IPQS answers these with HTTP 200). */
export const ACCOUNT_MESSAGES = {
  'invalid-key': 'Invalid or unauthorized key. Please check the API key and try again.',
  'no-credits':
    'You have insufficient credits to make this query. Please contact IPQualityScore support if this error persists.',
  'over-quota':
    'You have exceeded your request quota of 200 per day. Please upgrade your plan to increase your request quota.',
} as const;

/**
 * The `message` for a value a lookup rejects. The IP text is IPQS's; the others follow the shared
 * contract's wording (IPQS does not publish them).
 */
export const INVALID_INPUT_MESSAGES: Readonly<Record<LookupType, string>> = {
  ip: 'Invalid IPv4 address, IPv6 address or hostname.',
  email: 'Invalid email address',
  url: 'Invalid URL',
  phone: 'Invalid phone number',
};

export const RATE_LIMIT_MESSAGE = 'Request rate limit exceeded. Please slow down and try again in a moment.';

/** A success:false message that names no known failure class (the client can only pass it on). */
export const API_FAILURE_MESSAGE =
  'An unexpected error occurred while processing this request. Please contact support.';

/** What a body cut short looks like (the truncated failure): valid JSON up to the cut. */
export const TRUNCATED_BODY = '{"success":true,"fraud_sc';

/** How late the latency-spike failure answers, in milliseconds. */
export const LATENCY_SPIKE_MS = 1500;

/** The slow-body failure sends one byte of its body this often, in milliseconds. */
export const TRICKLE_BYTE_MS = 100;

// a captive portal or a maintenance page served by a gateway with HTTP 200
const MAINTENANCE_PAGE =
  '<!DOCTYPE html>\r\n<html>\r\n<head><title>Scheduled Maintenance</title></head>\r\n<body>\r\n<h1>We will be back shortly</h1>\r\n<p>The service is undergoing scheduled maintenance.</p>\r\n</body>\r\n</html>\r\n';

const HTML_ERRORS: Readonly<Record<number, string>> = {
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
};

function refusal(status: number, message: string, requestId: string, retryAfter?: number): SimulatedAnswer {
  const body = { success: false, message, request_id: requestId };
  return retryAfter === undefined
    ? { kind: 'json', status, body }
    : { kind: 'json', status, body, retryAfterSeconds: retryAfter };
}

// what a load balancer in front of the API sends: HTML, not JSON
function htmlError(status: number): SimulatedAnswer {
  const title = `${status} ${HTML_ERRORS[status] ?? 'Error'}`;
  const body = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`;
  return { kind: 'html', status, body };
}

function bodyText(answer: SimulatedAnswer): string {
  return answer.kind === 'json' ? JSON.stringify(answer.body) : TRUNCATED_BODY;
}

/**
 * The answer for one failure class of one lookup type. `ordinary` builds the answer the value would get
 * without the failure: the latency spike, the slow body and the flaky classes end up sending it.
 */
export function failureAnswer(
  type: LookupType,
  failure: FailureClass,
  requestId: string,
  ordinary: () => SimulatedAnswer,
): SimulatedAnswer {
  switch (failure) {
    case 'invalid-key':
    case 'no-credits':
    case 'over-quota':
      return refusal(200, ACCOUNT_MESSAGES[failure], requestId);
    case 'invalid-input':
      return refusal(200, INVALID_INPUT_MESSAGES[type], requestId);
    case 'rate-limit':
      return refusal(429, RATE_LIMIT_MESSAGE, requestId, 1);
    case 'rate-limit-509':
      return refusal(509, RATE_LIMIT_MESSAGE, requestId, 1);
    case 'server-500':
      return refusal(500, 'Internal server error. Please try again.', requestId);
    case 'server-502':
      return htmlError(502);
    case 'server-503':
      return htmlError(503);
    case 'reset':
      return { kind: 'reset' };
    case 'timeout':
      return { kind: 'hang' };
    case 'truncated':
      return { kind: 'text', status: 200, contentType: 'application/json', body: TRUNCATED_BODY };
    case 'empty-body':
      return { kind: 'text', status: 200, contentType: 'application/json', body: '' };
    case 'html-200':
      return { kind: 'html', status: 200, body: MAINTENANCE_PAGE };
    case 'latency-spike':
      return { kind: 'delayed', delayMs: LATENCY_SPIKE_MS, answer: ordinary() };
    case 'slow-body':
      return { kind: 'trickle', body: bodyText(ordinary()), byteEveryMs: TRICKLE_BYTE_MS };
    case 'rate-limit-200':
      return refusal(200, RATE_LIMIT_MESSAGE, requestId);
    case 'api-failure':
      return refusal(200, API_FAILURE_MESSAGE, requestId);
    case 'bad-shape': {
      const body = { success: true, message: 'Success', [SCORE_FIELD[type]]: 'high', request_id: requestId };
      return { kind: 'json', status: 200, body };
    }
    case 'flaky-500':
      return {
        kind: 'flaky',
        first: failureAnswer(type, 'server-500', requestId, ordinary),
        then: ordinary(),
      };
    case 'flaky-timeout':
      return { kind: 'flaky', first: { kind: 'hang' }, then: ordinary() };
  }
}
