/**
 * The offline IPQS simulator: an IPQS-compatible HTTP server (node:http) on loopback, for local runs,
 * demos, tests and benchmarks. It serves the four lookups in every key placement IPQS accepts, answers
 * deterministically per value, and can add latency, a rate limit and random failures.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorMessage } from '../errors';
import { AnswerWriter } from './answer-writer';
import { sendJson } from './http-reply';
import { lookupAnswer } from './lookup-answer';
import { lookupRequest, routeOf } from './routes';
import { resolveSimulatorOptions, SimulatorError } from './simulator-options';
import type { ResolvedSimulatorOptions, SimulatorOptions } from './simulator-options';
import { StatsRecorder } from './stats';
import type { SimulatorStats } from './stats';
import { TrafficShaper } from './traffic';

/** A running simulator. */
export interface Simulator {
  /** The IPQS base URL to give the client, e.g. `http://127.0.0.1:PORT/api/json`. */
  readonly url: string;
  readonly port: number;
  stats(): SimulatorStats;
  /** Clears the stats and the flaky values' request counts (as `POST /__reset` does). */
  resetStats(): void;
  /** Stops listening and drops every connection, pending, hanging and trickling answers included. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const NOT_FOUND =
  'Not found. The simulator serves GET|POST /api/json/{ip|email|url|phone}, GET /__stats and POST /__reset.';

/** The request body as text, or `undefined` when it is larger than MAX_BODY_BYTES (the rest is discarded). */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8');
}

class SimulatorServer {
  readonly stats = new StatsRecorder();
  private readonly traffic: TrafficShaper;
  private readonly writer = new AnswerWriter(this.stats);
  readonly server = createServer((req, res) => {
    this.handle(req, res).catch((error: unknown) => this.fail(res, error));
  });

  constructor(private readonly config: ResolvedSimulatorOptions) {
    this.traffic = new TrafficShaper(config);
    // keep-alive friendly: idle connections stay open well past typical client pool timeouts
    this.server.keepAliveTimeout = 65_000;
    this.server.headersTimeout = 66_000;
    this.server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
      if (error.code === 'ECONNRESET' || !socket.writable) socket.destroy();
      else socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // the latency counts from arrival, as a real API's response time does: reading the body and
    // building the answer happen within it, not before it
    const heldSince = performance.now();
    const arrivedAt = this.config.now();
    const route = routeOf(req.method ?? '', req.url ?? '/');
    if (route.kind === 'stats' || route.kind === 'reset-stats') {
      await readBody(req);
      if (route.kind === 'reset-stats') this.reset();
      sendJson(res, 200, this.stats.snapshot());
      return;
    }
    this.stats.arrived(route.kind === 'lookup' ? route.type : undefined, arrivedAt);
    const imposed = route.kind === 'lookup' ? this.traffic.admit(arrivedAt) : undefined;
    const body = await readBody(req);
    if (route.kind === 'not-found') return this.reply(res, 404, { success: false, message: NOT_FOUND });
    if (route.kind === 'method-not-allowed') {
      return this.reply(res, 405, { success: false, message: 'Method not allowed.' }, { allow: route.allow });
    }
    if (body === undefined)
      return this.reply(res, 413, { success: false, message: 'Request body too large.' });
    const request = lookupRequest(route, req.headers, body);
    const { answer, failure } = lookupAnswer(request, this.config.acceptKeys, imposed);
    if (failure) this.stats.failed(failure);
    const delayMs = Math.max(0, this.traffic.delayMs() - (performance.now() - heldSince));
    await this.writer.send(res, answer, `${request.type} ${request.value ?? ''}`, delayMs);
  }

  /** Clears the stats and the flaky values' request counts. */
  reset(): void {
    this.stats.reset();
    this.writer.resetAttempts();
  }

  private reply(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void {
    sendJson(res, status, body, headers);
    this.stats.answered(status);
  }

  // a bug must never take the server down: answer 500 if still possible, else drop the connection
  private fail(res: ServerResponse, error: unknown): void {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    this.reply(res, 500, { success: false, message: `Simulator error: ${errorMessage(error)}` });
  }

  listen(): Promise<number> {
    const { port, host } = this.config;
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void =>
        reject(new SimulatorError(`simulator cannot listen on ${host}:${port}: ${errorMessage(error)}`));
      this.server.once('error', onError);
      // a deep accept backlog: benchmarks open thousands of connections at once
      this.server.listen({ port, host, backlog: 4096 }, () => {
        this.server.off('error', onError);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  close(): Promise<void> {
    this.writer.close();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

/** Starts a simulator; resolves once it listens. See `magic-values.ts` for the values that pick answers. */
export async function startSimulator(options?: SimulatorOptions): Promise<Simulator> {
  const config = resolveSimulatorOptions(options);
  const simulator = new SimulatorServer(config);
  const port = await simulator.listen();
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}/api/json`,
    port,
    stats: () => simulator.stats.snapshot(),
    resetStats: () => simulator.reset(),
    close: () => (closing ??= simulator.close()),
  };
}
