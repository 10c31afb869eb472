/**
 * A winston transport that appends lines to a file SYNCHRONOUSLY and rotates it like Python's
 * RotatingFileHandler in tcex: `app.log` → `app.log.1.gz` … `app.log.<backupCount>.gz`.
 *
 * winston's own File transport is not used: with `maxsize` set it loses most lines of a burst written
 * while it rotates, and its `finish` can fire before a rotation ends (checked with winston 3.19).
 * Synchronous writes also mean a line logged just before `process.exit` is already on disk.
 */
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
} from 'node:fs';
import { writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import TransportStream from 'winston-transport';
import { AppError, errorMessage } from '../errors';

// winston (triple-beam) puts the formatted line under this registered symbol
const MESSAGE = Symbol.for('message');

export interface RotatingFileOptions {
  /** The active log file; backups are written next to it. */
  readonly filePath: string;
  /** Rotate before a line would take the file past this size; 0 never rotates (as in Python). */
  readonly maxBytes: number;
  /** Compressed backups kept; 0 never rotates (as in Python). */
  readonly backupCount: number;
}

/** Appends each formatted line to the log file, rotating and gzipping old files. */
export class RotatingFileTransport extends TransportStream {
  private fd: number | undefined;
  private size = 0;
  private failureReported = false;

  /** Creates the directory and opens the file; throws AppError when that is impossible. */
  constructor(private readonly options: RotatingFileOptions) {
    super({});
    try {
      mkdirSync(path.dirname(options.filePath), { recursive: true });
      this.open();
    } catch (error) {
      throw new AppError(`log file ${options.filePath}: could not be opened (${codeOf(error)})`, {
        cause: error,
      });
    }
  }

  override log(info: Record<symbol, unknown>, next: () => void): void {
    const line = info[MESSAGE];
    if (typeof line === 'string') this.append(`${line}\n`);
    next();
  }

  /** Closes the file; later lines are dropped. */
  override close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    closeSync(fd);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.close();
    callback();
  }

  private open(): void {
    this.fd = openSync(this.options.filePath, 'a');
    this.size = fstatSync(this.fd).size;
  }

  private append(text: string): void {
    if (this.fd === undefined) return;
    const bytes = Buffer.from(text, 'utf8');
    try {
      if (this.shouldRotate(bytes.length)) this.rotate();
      if (this.fd === undefined) return;
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(this.fd, bytes, offset);
      this.size += bytes.length;
    } catch (error) {
      // a full disk must not crash the app through its logger: say so once on stderr and go on
      if (!this.failureReported) {
        this.failureReported = true;
        process.stderr.write(`log file ${this.options.filePath}: write failed (${codeOf(error)})\n`);
      }
    }
  }

  private shouldRotate(incoming: number): boolean {
    const { maxBytes, backupCount } = this.options;
    return maxBytes > 0 && backupCount > 0 && this.size > 0 && this.size + incoming > maxBytes;
  }

  private backup(index: number): string {
    return `${this.options.filePath}.${index}.gz`;
  }

  private rotate(): void {
    this.close();
    try {
      // shift the backups up by one; renaming onto the last one drops the oldest
      for (let index = this.options.backupCount - 1; index >= 1; index -= 1) {
        if (existsSync(this.backup(index))) renameSync(this.backup(index), this.backup(index + 1));
      }
      writeFileSync(this.backup(1), gzipSync(readFileSync(this.options.filePath)));
      unlinkSync(this.options.filePath);
    } finally {
      // even a failed rotation keeps logging to the active file
      this.open();
    }
  }
}

function codeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : errorMessage(error);
}
