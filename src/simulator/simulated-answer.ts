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
  /** The connection is destroyed halfway through a 200 body. */
  | { readonly kind: 'reset' };
