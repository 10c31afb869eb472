/**
 * Writes simulated answers to HTTP responses, the slow ones included: a delayed answer, a body sent a
 * byte at a time, a request left hanging, and a flaky value's first failure. Every timer and every
 * unanswered response is tracked, so `close()` ends them all at once.
 */
import type { ServerResponse } from 'node:http';
import { sendAnswer } from './http-reply';
import type { SimulatedAnswer } from './simulated-answer';
import type { StatsRecorder } from './stats';

export class AnswerWriter {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly intervals = new Set<NodeJS.Timeout>();
  private readonly hanging = new Set<ServerResponse>();
  /** Requests seen per flaky value (`type value`), until `resetAttempts()`. */
  private readonly attempts = new Map<string, number>();

  constructor(private readonly stats: StatsRecorder) {}

  /**
   * Sends `answer` after `delayMs`; `flakyKey` names the value, so a flaky answer knows whether this is
   * the value's first request. Resolves once the answer is written or left hanging.
   */
  async send(res: ServerResponse, answer: SimulatedAnswer, flakyKey: string, delayMs = 0): Promise<void> {
    if (answer.kind === 'delayed') return this.send(res, answer.answer, flakyKey, delayMs + answer.delayMs);
    if (answer.kind === 'flaky') {
      // counted on arrival, so a retry that comes while the first answer is pending is the second request
      const seen = this.attempts.get(flakyKey) ?? 0;
      this.attempts.set(flakyKey, seen + 1);
      return this.send(res, seen === 0 ? answer.first : answer.then, flakyKey, delayMs);
    }
    await this.wait(delayMs);
    if (res.destroyed) return;
    if (answer.kind === 'hang') this.hang(res);
    else if (answer.kind === 'trickle') this.trickle(res, answer.body, answer.byteEveryMs);
    else this.stats.answered(sendAnswer(res, answer));
  }

  /** Forgets every flaky value's requests: their next request fails again. */
  resetAttempts(): void {
    this.attempts.clear();
  }

  /** Cancels every pending answer and drops every hanging or trickling response. */
  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    for (const interval of this.intervals) clearInterval(interval);
    for (const res of this.hanging) res.destroy();
    this.timers.clear();
    this.intervals.clear();
    this.hanging.clear();
  }

  private hang(res: ServerResponse): void {
    this.hanging.add(res);
    res.once('close', () => {
      if (this.hanging.delete(res)) this.stats.answered('hang');
    });
  }

  private trickle(res: ServerResponse, body: string, byteEveryMs: number): void {
    const bytes = Buffer.from(body, 'utf8');
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': bytes.length });
    res.flushHeaders();
    this.stats.answered(200);
    let sent = 0;
    const interval = setInterval(() => {
      if (sent < bytes.length) {
        res.write(bytes.subarray(sent, sent + 1));
        sent += 1;
      }
      if (sent >= bytes.length) stop();
    }, byteEveryMs);
    const stop = (): void => {
      clearInterval(interval);
      this.intervals.delete(interval);
      if (!res.writableEnded && !res.destroyed) res.end();
    };
    this.intervals.add(interval);
    res.once('close', stop);
  }

  /** Resolves `ms` from now, never sooner (see `nextWait`). */
  private wait(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    const due = performance.now() + ms;
    return new Promise((resolve) => {
      const check = (): void => {
        const next = nextWait(due, performance.now());
        if (next === 'due') resolve();
        else if (next === 'yield') setImmediate(check);
        else {
          const timer = setTimeout(() => {
            this.timers.delete(timer);
            check();
          }, next);
          this.timers.add(timer);
        }
      };
      check();
    });
  }
}

/**
 * What a wait for `due` does at `now` (both performance.now() ms): `due`, a timer for whole milliseconds,
 * or, under a millisecond from due, one turn of the event loop (`yield`). A timer alone can fire early:
 * Node starts it from the event loop's cached millisecond clock, which lags when the loop is busy, so
 * a simulated latency of 25 ms could be answered in 24; the wait checks the clock and waits out the rest.
 */
export function nextWait(due: number, now: number): 'due' | 'yield' | number {
  const left = due - now;
  if (left <= 0) return 'due';
  return left < 1 ? 'yield' : Math.floor(left);
}
