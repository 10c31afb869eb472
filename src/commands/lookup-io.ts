/**
 * The streams and environment of `ipqs-tc lookup`, injectable so tests drive the command without a terminal,
 * and the one writer every printed byte goes through: it redacts the run's secrets first.
 */
import type { SecretRegistry } from '../logging/secrets';

/** A stream that may be a terminal (`isTTY` is true only on one). */
export type TtyAware<S> = S & { isTTY?: boolean };

/** Where the lookup command reads and writes. */
export interface CliIo {
  readonly stdout: TtyAware<NodeJS.WritableStream>;
  readonly stderr: TtyAware<NodeJS.WritableStream>;
  readonly stdin: TtyAware<NodeJS.ReadableStream>;
  readonly env: NodeJS.ProcessEnv;
}

/** The real process streams and environment. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/**
 * Writes to stdout and stderr, every byte through `secrets.redact`. When stdout's reader goes away
 * (`| head`), writing stops and `signal` aborts, so the run stops spending lookups on output nobody reads.
 */
export class LookupOutput {
  private readonly stdoutGone = new AbortController();

  constructor(
    private readonly io: CliIo,
    private readonly secrets: SecretRegistry,
  ) {
    // an unlistened stream 'error' (EPIPE) would crash the process with a stack trace; the listeners stay
    // for the life of the process because the error can arrive after the last write returned
    io.stdout.on('error', () => this.stdoutGone.abort());
    io.stderr.on('error', () => undefined);
  }

  /** Aborted once stdout can no longer be written. */
  get signal(): AbortSignal {
    return this.stdoutGone.signal;
  }

  out(text: string): void {
    if (!this.stdoutGone.signal.aborted) this.io.stdout.write(this.secrets.redact(text));
  }

  err(text: string): void {
    this.io.stderr.write(this.secrets.redact(text));
  }

  /**
   * stderr as the progress bar sees it: the same terminal facts (isTTY, columns), writes redacted. readline's
   * cursor helpers only call `write`, so this is all the stream the bar needs.
   */
  progressStream(): NodeJS.WritableStream {
    const { stderr } = this.io;
    const stream = {
      isTTY: stderr.isTTY === true,
      columns: (stderr as { columns?: number }).columns,
      write: (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
        const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        const done = rest.find((arg): arg is () => void => typeof arg === 'function');
        return stderr.write(this.secrets.redact(text), done);
      },
    };
    return stream as unknown as NodeJS.WritableStream;
  }
}
