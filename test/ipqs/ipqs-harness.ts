// Shared pieces of the IPQS client tests: a client with an instant, recording sleep, a recording log,
// and nock interceptors that count and capture every request IPQS would have received.
import type { IncomingHttpHeaders } from 'node:http';
import nock from 'nock';
import { createIpqsClient } from '../../src/ipqs/client';
import type { IpqsClient, IpqsClientOptions } from '../../src/ipqs/client';
import type { LookupType } from '../../src/ipqs/fields';
import type { Log, LogFields } from '../../src/logging/log';
import { parseAppParams } from '../../src/tc/params';
import type { AppParams } from '../../src/tc/params';

export const API_KEY = 'TestKey0123456789abcdefABCDEF0123';
export const HOST = 'https://ipqualityscore.com';
export const BASE_PATH = '/api/json';

export interface LoggedEvent {
  readonly level: string;
  readonly event: string;
  readonly fields: LogFields;
}

/** A Log that keeps every event. */
export function recordingLog(): Log & { events: LoggedEvent[] } {
  const events: LoggedEvent[] = [];
  const at =
    (level: string) =>
    (event: string, fields: LogFields = {}) =>
      void events.push({ level, event, fields });
  return {
    events,
    trace: at('trace'),
    debug: at('debug'),
    info: at('info'),
    warning: at('warning'),
    error: at('error'),
    critical: at('critical'),
    close: () => Promise.resolve(),
  };
}

/** A client whose sleeps return at once and are recorded in `sleeps`. */
export function testClient(options: Partial<IpqsClientOptions> = {}): {
  client: IpqsClient;
  sleeps: number[];
  log: ReturnType<typeof recordingLog>;
} {
  const sleeps: number[] = [];
  const log = recordingLog();
  const client = createIpqsClient({
    apiKey: API_KEY,
    maxRetries: 2,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    log,
    ...options,
  });
  return { client, sleeps, log };
}

/** One request as IPQS received it. */
export interface SeenRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

type Reply = [number, string | Record<string, unknown>, Record<string, string>?];

/**
 * Answers every request to `/api/json/<lookup>` with the replies in order (the last one repeats) and
 * records each request; `requests.length` is how many IPQS received.
 */
export function ipqsServer(lookup: LookupType, ...replies: Reply[]): { requests: SeenRequest[] } {
  const requests: SeenRequest[] = [];
  nock(HOST)
    .persist()
    .get(`${BASE_PATH}/${lookup}`)
    .query(true)
    .reply(function (uri) {
      requests.push({ path: uri, headers: this.req.headers });
      const reply = replies[Math.min(requests.length, replies.length) - 1]!;
      const [status, body, headers] = reply;
      return [status, typeof body === 'string' ? body : JSON.stringify(body), headers ?? {}];
    });
  return { requests };
}

/** The validated app params with the given overrides (the real parser fills the defaults). */
export function appParams(overrides: Record<string, unknown> = {}): AppParams {
  return parseAppParams({ ipqs_api_key: API_KEY, indicators: '8.8.8.8', ...overrides });
}

/** The query of a request path as ordered pairs, decoded. */
export function queryPairs(path: string): [string, string][] {
  return [...new URLSearchParams(path.split('?')[1] ?? '').entries()];
}
