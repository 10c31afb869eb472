/**
 * Shares one promise among concurrent calls with the same key: the second identical lookup in a process
 * waits for the first instead of sending its own request. A key is forgotten once its promise settles,
 * so memory holds only what is in flight.
 */

/** Concurrent calls of `run` with one key share the first call's promise. */
export interface SingleFlight<T> {
  /** The in-flight promise for `key`, or a new one from `produce` when there is none. */
  run(key: string, produce: () => Promise<T>): Promise<T>;
  /** Keys in flight now. */
  readonly size: number;
}

/** A fresh, empty single-flight group. */
export function singleFlight<T>(): SingleFlight<T> {
  const inFlight = new Map<string, Promise<T>>();
  return {
    run(key, produce) {
      const pending = inFlight.get(key);
      if (pending) return pending;
      // produce() may throw synchronously: the promise chain turns that into a rejection for every waiter
      const promise = Promise.resolve()
        .then(produce)
        .finally(() => inFlight.delete(key));
      inFlight.set(key, promise);
      return promise;
    },
    get size() {
      return inFlight.size;
    },
  };
}
