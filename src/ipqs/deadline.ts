/**
 * The deadline of one IPQS request attempt, from the moment the request gets its connection to the last
 * byte of the answer. axios's `timeout` only notices an idle socket (a body trickling in byte by byte
 * never times out with it), and it also counts the time a request waits for a free connection.
 */
import type { ClientRequest } from 'node:http';

/**
 * Destroys the request `ms` after `start(req)` (then `expired` is true). A timer and a flag: no
 * AbortController per attempt (the lookup's own signal goes to axios as it is).
 */
export class Deadline {
  private timer: NodeJS.Timeout | undefined;
  /** True once the deadline passed and the request was destroyed. */
  expired = false;

  constructor(private readonly ms: number) {}

  /** Starts the clock for `req`; later calls change nothing. */
  start(req: ClientRequest): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.expired = true;
      req.destroy(new Error(`no response within ${this.ms} ms`));
    }, this.ms);
  }

  /** Stops the timer; call it once the attempt is over. */
  clear(): void {
    clearTimeout(this.timer);
  }
}
