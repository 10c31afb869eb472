/** Writes a simulated answer to an HTTP response. */
import type { ServerResponse } from 'node:http';
import type { SimulatedAnswer } from './simulated-answer';

// what a reset connection had started to send: a 200 JSON body cut off halfway
const CUT_BODY = '{"success":true,"message":"Success","fraud_score":0,"request_id":"resetresetr"}';

/** Sends a JSON body with its length, keeping the connection open for the next request. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extraHeaders: Readonly<Record<string, string>> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...extraHeaders,
  });
  res.end(text);
}

/** Sends `answer`, and returns the status recorded in the stats (`reset` for a destroyed connection). */
export function sendAnswer(res: ServerResponse, answer: SimulatedAnswer): number | 'reset' {
  switch (answer.kind) {
    case 'json': {
      const retry = answer.retryAfterSeconds;
      sendJson(res, answer.status, answer.body, retry === undefined ? {} : { 'retry-after': String(retry) });
      return answer.status;
    }
    case 'html':
      res.writeHead(answer.status, {
        'content-type': 'text/html',
        'content-length': Buffer.byteLength(answer.body),
      });
      res.end(answer.body);
      return answer.status;
    case 'reset':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': CUT_BODY.length });
      // the headers and half the promised body reach the client before the connection dies
      res.write(CUT_BODY.slice(0, CUT_BODY.length / 2), () => res.socket?.destroy());
      return 'reset';
  }
}
