/**
 * The indicators of `ipqs-tc lookup`: the values given as arguments, then the lines of `--file PATH`
 * (`-` = stdin), or stdin when no value was given and stdin is not a terminal. Blank lines and `#` comments
 * (a whole line, or after whitespace) are skipped; each remaining line is one value, commas included.
 */
import { readFile } from 'node:fs/promises';
import type { TtyAware } from './lookup-io';
import { LookupUsageError } from './lookup-usage-error';

export const NO_INDICATORS_MESSAGE =
  'no indicators: pass values as arguments, --file PATH (- for stdin), or pipe them on stdin';

export interface IndicatorSources {
  readonly values: readonly string[];
  readonly file?: string;
  readonly stdin: TtyAware<NodeJS.ReadableStream>;
}

// a '#' starts a comment at the start of a line or after whitespace: URL fragments (`/#top`) stay intact
const COMMENT = /(?:^|\s)#.*$/;

/** The values of some text, one per line, without blank lines and comments. */
export function indicatorLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n|\r/)
    .map((line) => line.replace(COMMENT, '').trim())
    .filter((line) => line !== '');
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<string | Buffer>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readInputFile(file: string, stdin: NodeJS.ReadableStream): Promise<string> {
  if (file === '-') return readStream(stdin);
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new LookupUsageError([
      `--file ${file}: cannot read it${typeof code === 'string' ? ` (${code})` : ''}`,
    ]);
  }
}

/** Every indicator in input order; throws LookupUsageError when there is none. */
export async function readIndicators(sources: IndicatorSources): Promise<string[]> {
  const values = sources.values.flatMap(indicatorLines);
  if (sources.file !== undefined) {
    values.push(...indicatorLines(await readInputFile(sources.file, sources.stdin)));
  } else if (sources.values.length === 0 && sources.stdin.isTTY !== true) {
    values.push(...indicatorLines(await readStream(sources.stdin)));
  }
  if (values.length === 0) throw new LookupUsageError([NO_INDICATORS_MESSAGE]);
  return values;
}
