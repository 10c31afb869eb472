/** Writes simulated answers that go out at once to an HTTP response. */
import type { ServerResponse } from 'node:http';
import type { SimulatedAnswer } from './simulated-answer';

/** The answers written in one go; the others (delays, hangs, trickles) are the answer writer's. */
export type ImmediateAnswer = Extract<SimulatedAnswer, { kind: 'json' | 'html' | 'text' | 'reset' }>;

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

function sendText(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Sends `answer`, and returns the status recorded in the stats (`reset` for a destroyed connection). */
export function sendAnswer(res: ServerResponse, answer: ImmediateAnswer): number | 'reset' {
  switch (answer.kind) {
    case 'json': {
      const retry = answer.retryAfterSeconds;
      sendJson(res, answer.status, answer.body, retry === undefined ? {} : { 'retry-after': String(retry) });
      return answer.status;
    }
    case 'html':
      sendText(res, answer.status, 'text/html', answer.body);
      return answer.status;
    case 'text':
      sendText(res, answer.status, answer.contentType, answer.body);
      return answer.status;
    case 'reset':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': CUT_BODY.length });
      // the headers and half the promised body reach the client before the connection dies
      res.write(CUT_BODY.slice(0, CUT_BODY.length / 2), () => res.socket?.destroy());
      return 'reset';
  }
}
