import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { indicatorLines, NO_INDICATORS_MESSAGE, readIndicators } from '../../src/commands/lookup-input';
import { LookupUsageError } from '../../src/commands/lookup-usage-error';
import { fakeStdin } from './lookup-harness';

function tempFile(text: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ipqs-lookup-input-')), 'indicators.txt');
  writeFileSync(file, text);
  return file;
}

describe('indicatorLines', () => {
  it.each([
    ['one value per line', '1.1.1.1\n2.2.2.2', ['1.1.1.1', '2.2.2.2']],
    ['CRLF lines after a byte-order mark', '\uFEFF1.1.1.1\r\n2.2.2.2\r\n', ['1.1.1.1', '2.2.2.2']],
    ['past blank lines and whole-line comments', '# header\n\n  \n1.1.1.1\n  # indented', ['1.1.1.1']],
    ['a value without its trailing comment', '1.1.1.1   # the router', ['1.1.1.1']],
    ['a URL with its fragment', 'https://a.example/page#top', ['https://a.example/page#top']],
    ['a line with commas as one value', 'https://a.example/?q=a,b', ['https://a.example/?q=a,b']],
  ])('reads %s', (_case, text, expected) => {
    expect(indicatorLines(text)).toEqual(expected);
  });
});

describe('readIndicators', () => {
  it('takes the argument values in order and never reads stdin when values are given', async () => {
    const stdin = fakeStdin('9.9.9.9');
    await expect(readIndicators({ values: ['1.1.1.1', ' ', 'a@b.example'], stdin })).resolves.toEqual([
      '1.1.1.1',
      'a@b.example',
    ]);
    expect(stdin.wasRead()).toBe(false);
  });

  it('reads piped stdin when no value is given', async () => {
    const stdin = fakeStdin('# batch\n1.1.1.1\n\n2.2.2.2\n');
    await expect(readIndicators({ values: [], stdin })).resolves.toEqual(['1.1.1.1', '2.2.2.2']);
    expect(stdin.wasRead()).toBe(true);
  });

  it('does not wait on a terminal stdin: no values there is an error naming every source', async () => {
    const stdin = fakeStdin(undefined);
    const reading = readIndicators({ values: [], stdin });
    await expect(reading).rejects.toThrow(LookupUsageError);
    await expect(reading).rejects.toThrow(NO_INDICATORS_MESSAGE);
    expect(stdin.wasRead()).toBe(false);
  });

  it('appends the lines of --file after the argument values', async () => {
    const file = tempFile('2.2.2.2\n# note\n3.3.3.3\n');
    await expect(readIndicators({ values: ['1.1.1.1'], file, stdin: fakeStdin(undefined) })).resolves.toEqual(
      ['1.1.1.1', '2.2.2.2', '3.3.3.3'],
    );
  });

  it('reads stdin for --file -', async () => {
    await expect(readIndicators({ values: [], file: '-', stdin: fakeStdin('4.4.4.4\n') })).resolves.toEqual([
      '4.4.4.4',
    ]);
  });

  it.each([
    ['piped stdin holding only comments', { values: [], stdin: fakeStdin('# nothing\n\n') }],
    ['a file holding only blank lines', { values: [], file: tempFile('\n \n'), stdin: fakeStdin(undefined) }],
  ])('fails on %s', async (_case, sources) => {
    await expect(readIndicators(sources)).rejects.toThrow(NO_INDICATORS_MESSAGE);
  });

  it('names the file and the error code when --file cannot be read', async () => {
    const file = path.join(os.tmpdir(), 'ipqs-lookup-no-such-file.txt');
    await expect(readIndicators({ values: [], file, stdin: fakeStdin(undefined) })).rejects.toThrow(
      `--file ${file}: cannot read it (ENOENT)`,
    );
  });
});
