/**
 * The deadline of one IPQS request attempt, from the moment the request gets its connection to the last
 * byte of the answer. axios's `timeout` only notices an idle socket (a body trickling in byte by byte
 * never times out with it), and it also counts the time a request waits for a free connection.
 */

/**
 * Aborts its signal `ms` after `start()` (then `expired` is true), or when the lookup's own signal
 * aborts, whichever comes first.
 */
export class Deadline {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private readonly onAbort = (): void => this.controller.abort();
  /** True once the deadline passed (as opposed to the lookup being cancelled). */
  expired = false;

  constructor(
    private readonly ms: number,
    private readonly outer: AbortSignal | undefined,
  ) {
    if (outer?.aborted) this.controller.abort();
    else outer?.addEventListener('abort', this.onAbort, { once: true });
  }

  /** Aborts at the deadline or with the lookup's own signal. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Starts the clock; later calls change nothing. */
  start(): void {
    if (this.timer !== undefined || this.controller.signal.aborted) return;
    this.timer = setTimeout(() => {
      this.expired = true;
      this.controller.abort();
    }, this.ms);
  }

  /** Stops the timer and lets go of the lookup's signal; call it once the attempt is over. */
  clear(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.onAbort);
  }
}
