/**
 * The progress bar of `ipqs-tc lookup`: on stderr, only when stderr is a terminal and the batch holds more
 * than one indicator. It shows counts only and clears itself when the batch is done, before the results.
 */
import { SingleBar } from 'cli-progress';

export interface LookupProgress {
  /** The batch is planned: show the bar when it is worth showing. */
  start(total: number): void;
  /** One more result is known. */
  tick(): void;
  /** Removes the bar (safe to call when it never started). */
  stop(): void;
}

const NO_PROGRESS: LookupProgress = { start: () => undefined, tick: () => undefined, stop: () => undefined };

/** A progress bar writing to `stream`, or one that does nothing when `enabled` is false. */
export function lookupProgress(stream: NodeJS.WritableStream, enabled: boolean): LookupProgress {
  if (!enabled) return NO_PROGRESS;
  let bar: SingleBar | undefined;
  return {
    start: (total) => {
      if (total <= 1) return;
      bar = new SingleBar({
        stream,
        format: 'ipqs-tc lookup [{bar}] {value}/{total} {percentage}% | ETA {eta_formatted}',
        clearOnComplete: true,
        // keep the terminal's line wrapping and cursor untouched, so an interrupted run leaves no trace
        linewrap: true,
        hideCursor: false,
        gracefulExit: false,
      });
      bar.start(total, 0);
    },
    tick: () => bar?.increment(),
    stop: () => {
      bar?.stop();
      bar = undefined;
    },
  };
}
