/**
 * Where `ipqs-tc lookup` gets the IPQS key: `--key-file PATH` (its first line) or `IPQS_API_KEY`, never a
 * bare command-line value (shell history and `ps` would keep it). `--simulate` needs no key.
 */
import { readFileSync } from 'node:fs';
import { LookupUsageError } from './lookup-usage-error';

export const NO_KEY_MESSAGE =
  'no IPQS API key: set IPQS_API_KEY or pass --key-file PATH (or use --simulate to try it offline)';

/** The key sent to the in-process simulator when the user has none (the simulator takes any key). */
export const SIMULATOR_KEY = 'simulator-key';

export interface KeySources {
  readonly keyFile?: string;
  readonly env: NodeJS.ProcessEnv;
  readonly simulate: boolean;
}

function readKeyFile(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    // only the error code: the message of a read error names nothing secret, but it is not needed either
    const code = (error as { code?: unknown }).code;
    throw new LookupUsageError([
      `--key-file ${file}: cannot read it${typeof code === 'string' ? ` (${code})` : ''}`,
    ]);
  }
  const key = (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').trim();
  if (key === '') throw new LookupUsageError([`--key-file ${file}: the first line is empty`]);
  return key;
}

/** The key to use: the key file wins over IPQS_API_KEY; throws LookupUsageError when there is none. */
export function loadApiKey(sources: KeySources): string {
  if (sources.keyFile !== undefined) return readKeyFile(sources.keyFile);
  const fromEnv = sources.env.IPQS_API_KEY?.trim();
  if (fromEnv) return fromEnv;
  if (sources.simulate) return SIMULATOR_KEY;
  throw new LookupUsageError([NO_KEY_MESSAGE]);
}
