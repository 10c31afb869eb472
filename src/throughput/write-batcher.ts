/**
 * Batches of cache writes: one Redis round trip (a pipeline) per batch instead of one per answer.
 */

/** Redis writes sent together at most; a batch is sent when full or WRITE_DELAY_MS after its first write. */
export const WRITE_BATCH = 64;
export const WRITE_DELAY_MS = 5;

/**
 * Collects writes and hands them to `send` in batches of at most WRITE_BATCH, each sent when full or
 * WRITE_DELAY_MS after its first write; `add` settles when its batch was sent. The timer is not unref'd:
 * a pending write keeps the process alive until it is sent.
 */
export function writeBatcher(send: (entries: readonly (readonly [string, string])[]) => Promise<void>): {
  add(key: string, text: string): Promise<void>;
} {
  let batch: { entries: [string, string][]; sent: Promise<void>; go: () => void } | undefined;
  const sendBatch = (): void => {
    const current = batch;
    batch = undefined;
    current?.go();
  };
  return {
    add(key, text) {
      if (!batch) {
        const entries: [string, string][] = [];
        let go!: () => void;
        const sent = new Promise<void>((resolve) => {
          go = resolve;
        }).then(() => send(entries));
        const timer = setTimeout(sendBatch, WRITE_DELAY_MS);
        batch = {
          entries,
          sent,
          go: () => {
            clearTimeout(timer);
            go();
          },
        };
      }
      batch.entries.push([key, text]);
      const { sent } = batch;
      if (batch.entries.length >= WRITE_BATCH) sendBatch();
      return sent;
    },
  };
}
