import { AppError } from '../../src/errors';
import {
  classifyFailure,
  IpqsAbortedError,
  IpqsApiError,
  IpqsError,
  IpqsInsufficientCreditsError,
  IpqsInvalidInputError,
  IpqsInvalidKeyError,
  IpqsNetworkError,
  IpqsQuotaExceededError,
  IpqsRateLimitedError,
  IpqsResponseError,
  IpqsServerError,
  IpqsTimeoutError,
} from '../../src/ipqs/errors';

const KEY = 'SecretKey0123456789abcdef';
const failure = (message: string) => ({ success: false, message, request_id: 'req123' });

type ErrorClass = abstract new (...args: never[]) => IpqsError;

describe('classifyFailure', () => {
  it.each<[string, number, unknown, ErrorClass, string]>([
    [
      'an invalid key message',
      200,
      failure('Invalid or unauthorized key. Please check the API key and try again.'),
      IpqsInvalidKeyError,
      'IPQS ip lookup failed: invalid API key (Invalid or unauthorized key. Please check the API key and try again.)',
    ],
    [
      'an insufficient credits message',
      200,
      failure('You have insufficient credits to make this query. Please upgrade.'),
      IpqsInsufficientCreditsError,
      'IPQS ip lookup failed: insufficient credits (You have insufficient credits to make this query. Please upgrade.)',
    ],
    [
      'a quota message',
      200,
      failure('You have exceeded your request quota of 200 per day. Please upgrade to increase your quota.'),
      IpqsQuotaExceededError,
      'IPQS ip lookup failed: request quota exceeded (You have exceeded your request quota of 200 per day. Please upgrade to increase your quota.)',
    ],
    [
      'an invalid IP message',
      200,
      failure('Invalid IPv4 address, IPv6 address or hostname.'),
      IpqsInvalidInputError,
      'IPQS ip lookup failed: invalid input (Invalid IPv4 address, IPv6 address or hostname.)',
    ],
    [
      'an invalid email message',
      200,
      failure('Invalid email address'),
      IpqsInvalidInputError,
      'invalid input',
    ],
    ['an invalid URL message', 200, failure('Invalid URL.'), IpqsInvalidInputError, 'invalid input'],
    [
      'an invalid phone message',
      200,
      failure('Invalid phone number.'),
      IpqsInvalidInputError,
      'invalid input',
    ],
    [
      'a "not a valid" message',
      200,
      failure('This is not a valid phone.'),
      IpqsInvalidInputError,
      'invalid input',
    ],
    ['an unknown message', 200, failure('Something odd happened.'), IpqsApiError, 'IPQS reported a failure'],
    ['success:false without a message', 200, { success: false }, IpqsApiError, 'IPQS reported a failure'],
    ['HTTP 401', 401, '', IpqsInvalidKeyError, 'IPQS ip lookup failed: invalid API key (HTTP 401)'],
    ['HTTP 403', 403, '<html>Forbidden</html>', IpqsInvalidKeyError, 'invalid API key (HTTP 403)'],
    ['HTTP 402', 402, '', IpqsInsufficientCreditsError, 'insufficient credits (HTTP 402)'],
    ['HTTP 429', 429, '', IpqsRateLimitedError, 'IPQS ip lookup failed: rate limited (HTTP 429)'],
    ['HTTP 509', 509, 'Bandwidth Limit Exceeded', IpqsRateLimitedError, 'rate limited (HTTP 509)'],
    [
      'a rate limit message at 200',
      200,
      failure('Rate limit reached.'),
      IpqsRateLimitedError,
      'rate limited',
    ],
    ['HTTP 500', 500, '', IpqsServerError, 'IPQS ip lookup failed: server error (HTTP 500)'],
    [
      'HTTP 502 with an HTML page',
      502,
      '<html>Bad Gateway</html>',
      IpqsServerError,
      'server error (HTTP 502)',
    ],
    ['HTTP 503', 503, failure('Maintenance'), IpqsServerError, 'server error (HTTP 503: Maintenance)'],
    [
      'HTTP 400 with an invalid URL message',
      400,
      failure('Invalid URL'),
      IpqsInvalidInputError,
      'invalid input',
    ],
    [
      'HTTP 400 without a message',
      400,
      '',
      IpqsApiError,
      'IPQS ip lookup failed: request rejected (HTTP 400)',
    ],
    ['HTTP 404', 404, 'Not Found', IpqsApiError, 'request rejected (HTTP 404)'],
    ['HTTP 301', 301, '', IpqsApiError, 'redirected, check the IPQS base URL (HTTP 301)'],
    [
      'HTTP 401 with a quota message (the message wins)',
      401,
      failure('exceeded your request quota'),
      IpqsQuotaExceededError,
      'quota',
    ],
    ['an empty body at 200', 200, '', IpqsResponseError, 'IPQS ip lookup failed: empty response body'],
    [
      'an HTML body at 200',
      200,
      '<!DOCTYPE html><html></html>',
      IpqsResponseError,
      'response is HTML, not JSON',
    ],
    ['truncated JSON at 200', 200, '{"success": true, "fraud_sc', IpqsResponseError, 'not valid JSON'],
    ['a JSON array at 200', 200, [1, 2], IpqsResponseError, 'not a JSON object'],
  ])('classifies %s (HTTP %i) as %p', (_label, status, body, errorClass, message) => {
    const error = classifyFailure('ip', status, body);

    expect(error).toBeInstanceOf(errorClass);
    expect(error).toBeInstanceOf(IpqsError);
    expect(error).toBeInstanceOf(AppError);
    expect(error.message).toContain(message);
    expect(error.message).toMatch(/^IPQS ip lookup failed: [^\n]+$/);
    expect(error.status).toBe(status);
    expect(error.name).toBe(errorClass.name);
  });

  it.each([
    [IpqsInvalidKeyError, 200, failure('Invalid or unauthorized key.'), true, false],
    [IpqsInsufficientCreditsError, 402, '', true, false],
    [IpqsQuotaExceededError, 200, failure('You have exceeded your request quota of 5000.'), true, false],
    [IpqsRateLimitedError, 429, '', false, true],
    [IpqsServerError, 500, '', false, true],
    [IpqsInvalidInputError, 200, failure('Invalid email address'), false, false],
    [IpqsApiError, 404, '', false, false],
    [IpqsResponseError, 200, '<html>', false, true],
  ])('marks %p fatal=%p retryable=%p', (errorClass, status, body, fatal, retryable) => {
    const error = classifyFailure('email', status, body);
    expect(error).toBeInstanceOf(errorClass);
    expect({ fatal: error.fatal, retryable: error.retryable }).toStrictEqual({ fatal, retryable });
  });

  it('keeps the request id IPQS gave and names the lookup', () => {
    const error = classifyFailure('phone', 200, failure('Invalid phone number.'));
    expect(error).toMatchObject({ lookup: 'phone', requestId: 'req123' });
    expect(error.message).toMatch(/^IPQS phone lookup failed: /);
  });

  it.each([429, 509, 503])('carries the Retry-After delay on HTTP %i', (status) => {
    expect(classifyFailure('url', status, '', { retryAfterMs: 4000 })).toMatchObject({ retryAfterMs: 4000 });
  });

  it('masks the API key should IPQS ever quote it, and keeps the message on one line', () => {
    const error = classifyFailure('ip', 200, failure(`Invalid key ${KEY}.\r\nPlease check\tit.`), {
      apiKey: KEY,
    });

    expect(error.message).toBe('IPQS ip lookup failed: invalid API key (Invalid key ***. Please check it.)');
  });

  it.each([
    [
      'names the page title of an HTML body',
      '<!DOCTYPE html><html><head><title>\n  Scheduled\tMaintenance </title></head></html>',
      'IPQS ip lookup failed: response is HTML, not JSON (page title: Scheduled Maintenance)',
    ],
    [
      'cuts a long page title',
      `<html><title>${'Portal '.repeat(20)}</title></html>`,
      `IPQS ip lookup failed: response is HTML, not JSON (page title: ${'Portal '.repeat(20).slice(0, 57)}...)`,
    ],
    [
      'says nothing more of an HTML body without a title',
      '<html><body>Down</body></html>',
      'IPQS ip lookup failed: response is HTML, not JSON',
    ],
  ])('%s', (_label, body, message) => {
    const error = classifyFailure('ip', 200, body);
    expect(error).toBeInstanceOf(IpqsResponseError);
    expect(error.message).toBe(message);
  });

  it.each<[string, unknown, ErrorClass, string]>([
    [
      'the errors list when the message is empty',
      { success: false, message: '', errors: ['Invalid or unauthorized key.', 42, 'Try again.'] },
      IpqsInvalidKeyError,
      'IPQS ip lookup failed: invalid API key (Invalid or unauthorized key.; Try again.)',
    ],
    [
      'the errors list when there is no message',
      { success: false, errors: ['Something went wrong.'] },
      IpqsApiError,
      'IPQS ip lookup failed: IPQS reported a failure (Something went wrong.)',
    ],
    [
      'the message over the errors list',
      { success: false, message: 'Invalid IPv4 address, IPv6 address or hostname.', errors: ['other'] },
      IpqsInvalidInputError,
      'IPQS ip lookup failed: invalid input (Invalid IPv4 address, IPv6 address or hostname.)',
    ],
  ])('classifies and quotes %s', (_label, body, errorClass, message) => {
    const error = classifyFailure('ip', 200, body);
    expect(error).toBeInstanceOf(errorClass);
    expect(error.message).toBe(message);
  });

  it('cuts a very long IPQS message', () => {
    const error = classifyFailure('ip', 200, failure(`Invalid URL ${'x'.repeat(1000)}`));
    expect(error.message.length).toBeLessThan(260);
    expect(error.message).toMatch(/\.\.\.\)$/);
  });
});

describe('error classes', () => {
  it.each<[IpqsError, string, boolean]>([
    [
      new IpqsNetworkError('ECONNRESET', { lookup: 'ip' }),
      'IPQS ip lookup failed: network error (ECONNRESET)',
      true,
    ],
    [
      new IpqsNetworkError(
        'ECONNRESET',
        { lookup: 'ip' },
        'connection closed before the answer was complete',
      ),
      'IPQS ip lookup failed: network error (connection closed before the answer was complete)',
      true,
    ],
    [
      new IpqsTimeoutError(20000, { lookup: 'url' }),
      'IPQS url lookup failed: no response within 20000 ms',
      true,
    ],
    [
      new IpqsAbortedError('lookup cancelled', { lookup: 'email' }),
      'IPQS email lookup failed: lookup cancelled',
      false,
    ],
    [
      new IpqsResponseError('unexpected response (fraud_score: required score is missing)', {
        lookup: 'phone',
        issues: ['fraud_score: required score is missing'],
      }),
      'IPQS phone lookup failed: unexpected response (fraud_score: required score is missing)',
      false,
    ],
  ])('%p has the message %p and retryable=%p', (error, message, retryable) => {
    expect(error.message).toBe(message);
    expect(error.retryable).toBe(retryable);
    expect(error.fatal).toBe(false);
  });

  it('keeps the network error code and the response issues', () => {
    expect(new IpqsNetworkError('ECONNREFUSED', { lookup: 'ip' }).code).toBe('ECONNREFUSED');
    expect(new IpqsResponseError('x', { lookup: 'ip', issues: ['a: b'] }).issues).toStrictEqual(['a: b']);
  });
});
