/** What the simulator answers to one lookup, before it becomes an HTTP response. */
export type SimulatedAnswer =
  | {
      readonly kind: 'json';
      readonly status: number;
      readonly body: Readonly<Record<string, unknown>>;
      /** Sent as `Retry-After` (seconds) on rate-limit answers. */
      readonly retryAfterSeconds?: number;
    }
  | { readonly kind: 'html'; readonly status: number; readonly body: string }
  /** A body that is not what its content type promises: empty, or JSON cut short. */
  | { readonly kind: 'text'; readonly status: number; readonly contentType: string; readonly body: string }
  /** The connection is destroyed halfway through a 200 body. */
  | { readonly kind: 'reset' }
  /** No answer at all: the request is read and left hanging until the client gives up. */
  | { readonly kind: 'hang' }
  /** 200 headers at once (Content-Length of the whole body), then the body one byte every `byteEveryMs`. */
  | { readonly kind: 'trickle'; readonly body: string; readonly byteEveryMs: number }
  /** `answer`, sent `delayMs` later than usual. */
  | { readonly kind: 'delayed'; readonly delayMs: number; readonly answer: SimulatedAnswer }
  /** `first` to the first request for a value, `then` to every later one (until the stats are reset). */
  | { readonly kind: 'flaky'; readonly first: SimulatedAnswer; readonly then: SimulatedAnswer };
