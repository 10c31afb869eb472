// Shared pieces of the lookup command tests: fake terminal and piped streams, a driver that runs
// `ipqs-tc lookup` through commander in-process, and a small csv reader for the known columns.
import { Readable, Writable } from 'node:stream';
import { Command } from 'commander';
import type { Simulator } from '../../src/simulator';
import { registerLookupCommand } from '../../src/commands/lookup-command';
import type { CliIo } from '../../src/commands/lookup-command';

/** A writable that keeps everything written; `isTTY` makes it pass for a terminal. */
export class CaptureStream extends Writable {
  text = '';
  readonly columns = 120;

  constructor(readonly isTTY: boolean) {
    super({ decodeStrings: false });
  }

  override _write(chunk: unknown, _encoding: BufferEncoding, done: () => void): void {
    this.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    done();
  }
}

/** stdin holding `text` (a pipe), or a terminal when `text` is undefined; `wasRead` tells whether anything read it. */
export function fakeStdin(text: string | undefined): Readable & { isTTY: boolean; wasRead: () => boolean } {
  let read = false;
  const stream = new Readable({
    read() {
      read = true;
      if (text !== undefined) this.push(text);
      this.push(null);
    },
  });
  return Object.assign(stream, { isTTY: text === undefined, wasRead: () => read });
}

export interface FakeIo extends CliIo {
  readonly stdout: CaptureStream;
  readonly stderr: CaptureStream;
}

export interface FakeIoOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Piped stdin content; without it stdin is a terminal. */
  readonly stdin?: string;
  readonly stdoutTty?: boolean;
  readonly stderrTty?: boolean;
}

export function fakeIo(options: FakeIoOptions = {}): FakeIo {
  return {
    stdout: new CaptureStream(options.stdoutTty ?? false),
    stderr: new CaptureStream(options.stderrTty ?? false),
    stdin: fakeStdin(options.stdin),
    env: options.env ?? {},
  };
}

/** Runs `ipqs-tc lookup ...args` in-process and resolves with the exit code it set. */
export async function runLookupCommand(args: readonly string[], io: CliIo): Promise<number> {
  const program = new Command('ipqs-tc').exitOverride();
  registerLookupCommand(program, io);
  const before = process.exitCode;
  try {
    await program.parseAsync(['lookup', ...args], { from: 'user' });
    return Number(process.exitCode ?? 0);
  } finally {
    process.exitCode = before;
  }
}

export interface LookupRun {
  readonly code: number;
  readonly io: FakeIo;
}

/**
 * A runner of the command against the simulator `simulator()` returns (started in the test's beforeAll),
 * with IPQS_API_KEY set to `key` unless `options.env` replaces the environment.
 */
export function lookupAgainst(
  simulator: () => Simulator,
  key: string,
): (args: readonly string[], options?: FakeIoOptions) => Promise<LookupRun> {
  return async (args, options = {}) => {
    const io = fakeIo({ ...options, env: options.env ?? { IPQS_API_KEY: key } });
    const code = await runLookupCommand(['--base-url', simulator().url, ...args], io);
    return { code, io };
  };
}

/** One row of the json and ndjson formats, as parsed back. */
export interface JsonRow {
  readonly index?: number;
  readonly indicator: string;
  readonly type: string | null;
  readonly verdict: string | null;
  readonly score: number | null;
  readonly threat_rating: number | null;
  readonly reasons: string[];
  readonly error: string | null;
  readonly cached: boolean;
  readonly ipqs: Record<string, unknown> | null;
}

/** Parses csv with RFC 4180 quoting into rows of strings (no trailing empty row). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** csv text as objects keyed by the header row. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries((header ?? []).map((name, i) => [name, row[i] ?? ''])));
}
