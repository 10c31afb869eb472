// Shared builders of the pipeline tests: validated app params, an output stage requesting every output or
// some, an IPQS client that never waits, an enrich context, IPQS answers served by nock or by a loopback
// server, and the outputs read back from a flushed in-memory KV store.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import nock from 'nock';
import { createIpqsClient } from '../../src/ipqs/client';
import type { IpqsClient, IpqsClientOptions } from '../../src/ipqs/client';
import type { LookupType } from '../../src/ipqs/fields';
import { silentLog } from '../../src/logging/log';
import type { Log } from '../../src/logging/log';
import { SecretRegistry } from '../../src/logging/secrets';
import { outputVariables } from '../../src/outputs/output-table';
import { enrichBatch } from '../../src/pipeline/enrich-batch';
import type { EnrichContext, EnrichResult } from '../../src/runtime/enrich';
import { MockKvStore } from '../../src/tc/kvstore/kv-store-mock';
import { parseAppParams, parseTcParams } from '../../src/tc/params';
import type { AppParams, TcParams } from '../../src/tc/params';
import { OutputStage } from '../../src/tc/playbook/output-stage';
import { deserializeValue } from '../../src/tc/playbook/serialize';
import { formatVariable, parseVariable } from '../../src/tc/playbook/variable';

export const API_KEY = 'PipelineTestKey0123456789abcdefAB';
export const IPQS_HOST = 'https://ipqualityscore.com';
export const IPQS_PATH = '/api/json';
const JOB_ID = 9876;

/** The real IPQS messages of the failures that stop a run, and of an invalid value. */
export const IPQS_MESSAGES = {
  invalidKey: 'Invalid or unauthorized key. Please check the API key and try again.',
  credits: 'You have insufficient credits to make this query.',
  quota: 'You have exceeded your request quota of 200 per day. Please upgrade to increase your quota.',
  invalidIp: 'Invalid IPv4 address, IPv6 address or hostname.',
} as const;

/** An IPQS failure body (HTTP 200, success:false). */
export function ipqsFailure(message: string): Record<string, unknown> {
  return { success: false, message, request_id: 'failure0001' };
}

/** A fixture of test/fixtures/ipqs (e.g. `ip-clean`), parsed afresh on every call. */
export function ipqsFixture(name: string): Record<string, unknown> {
  const file = path.resolve(__dirname, '../fixtures/ipqs', `${name}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** Validated app params (the real parser fills the defaults) with the given overrides. */
export function pipelineApp(overrides: Record<string, unknown> = {}): AppParams {
  return parseAppParams({ ipqs_api_key: API_KEY, indicators: '8.8.8.8', ...overrides });
}

/** `name!Type` for every output of the table, e.g. `ipqs.score!String`. */
export const EVERY_OUTPUT: readonly string[] = outputVariables().map((v) => `${v.name}!${v.type}`);

/** An output stage requesting the given `name!Type` outputs as playbook variables (default: all). */
export function outputStage(requested: readonly string[] = EVERY_OUTPUT): OutputStage {
  return new OutputStage(
    requested.map((entry) => {
      const [key = '', type = ''] = entry.split('!');
      return formatVariable({ jobId: JOB_ID, key, type });
    }),
  );
}

/** What a run wrote: `name!Type` -> the value read back (String: string, StringArray: (string|null)[]). */
export type WrittenOutputs = Record<string, unknown>;

/** Flushes the stage into a fresh in-memory KV store and reads every written output back. */
export async function flushedOutputs(stage: OutputStage): Promise<WrittenOutputs> {
  const kv = new MockKvStore('pipeline-test');
  await stage.flush(kv);
  const written: WrittenOutputs = {};
  for (const [variable, raw] of kv.data.get('pipeline-test') ?? []) {
    const parsed = parseVariable(variable);
    if (!parsed) throw new Error(`not a playbook variable: ${variable}`);
    written[`${parsed.key}!${parsed.type}`] = deserializeValue(parsed.type, raw, variable);
  }
  return written;
}

/** An IPQS client whose retries never wait (each delay is recorded in `sleeps`). */
export function pipelineClient(options: Partial<IpqsClientOptions> = {}): {
  client: IpqsClient;
  sleeps: number[];
} {
  const sleeps: number[] = [];
  const client = createIpqsClient({
    apiKey: API_KEY,
    maxRetries: 0,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    ...options,
  });
  return { client, sleeps };
}

/** The context the runtime hands the pipeline, with a Mock KV store's standard params. */
export function enrichContext(
  app: AppParams,
  stage: OutputStage,
  extra: { log?: Log; signal?: AbortSignal; tc?: Record<string, unknown> } = {},
): EnrichContext {
  const tc: TcParams = parseTcParams({ tc_kvstore_type: 'Mock', ...extra.tc });
  return {
    app,
    tc,
    stage,
    log: extra.log ?? silentLog,
    secrets: new SecretRegistry(),
    signal: extra.signal ?? new AbortController().signal,
  };
}

export interface BatchRun {
  readonly result: EnrichResult;
  /** The outputs flushed, by `name!Type`. */
  readonly written: WrittenOutputs;
  /** The retry delays the client would have slept. */
  readonly sleeps: number[];
}

/**
 * Runs `enrichBatch` over `app` with a fresh client (never sleeping; `client` options such as baseUrl and
 * maxRetries), the `requested` outputs (default: all) and `log`, then closes the client and reads back
 * what was written.
 */
export async function runBatch(
  app: AppParams,
  options: {
    requested?: readonly string[];
    client?: Partial<IpqsClientOptions>;
    log?: Log;
    signal?: AbortSignal;
  } = {},
): Promise<BatchRun> {
  const stage = outputStage(options.requested);
  const { client, sleeps } = pipelineClient(options.client);
  try {
    const result = await enrichBatch(enrichContext(app, stage, options), client);
    return { result, written: await flushedOutputs(stage), sleeps };
  } finally {
    client.close();
  }
}

type Reply = readonly [
  status: number,
  body: string | Record<string, unknown>,
  headers?: Record<string, string>,
];

/** Expects `times` IPQS requests for one value of one lookup (nock, default base URL), each answered with `reply`. */
export function expectLookup(lookup: LookupType, value: string, reply: Reply, times = 1): nock.Scope {
  const [status, body, headers] = reply;
  return nock(IPQS_HOST)
    .get(`${IPQS_PATH}/${lookup}`)
    .query((query) => query[lookup] === value)
    .times(times)
    .reply(status, typeof body === 'string' ? body : JSON.stringify(body), headers);
}

/** One request as the loopback IPQS received it. */
export interface FakeRequest {
  readonly lookup: string;
  readonly value: string;
  readonly query: URLSearchParams;
}

export interface FakeIpqs {
  /** The base URL to give the client (`http://127.0.0.1:<port>/api/json`). */
  readonly baseUrl: string;
  readonly requests: FakeRequest[];
  close(): Promise<void>;
}

/** A loopback IPQS whose answers `handle` writes (or withholds, or resets); every request is recorded. */
export async function startFakeIpqs(
  handle: (request: FakeRequest, response: http.ServerResponse) => void,
): Promise<FakeIpqs> {
  const requests: FakeRequest[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const lookup = url.pathname.split('/').pop() ?? '';
    const request = { lookup, value: url.searchParams.get(lookup) ?? '', query: url.searchParams };
    requests.push(request);
    handle(request, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${IPQS_PATH}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes an IPQS answer on a loopback response. */
export function answer(response: http.ServerResponse, reply: Reply): void {
  const [status, body, headers] = reply;
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}
