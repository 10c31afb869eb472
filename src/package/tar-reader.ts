/**
 * A small reader for the tar archives `npm pack` makes (ustar, with pax and GNU long-name records), enough
 * to take single files out of a package tarball without a tar dependency or a `tar` binary.
 */
import { gunzipSync } from 'node:zlib';
import { errorMessage } from '../errors';
import { PackageError } from './package-error';

const BLOCK = 512;

/** One regular file of the archive. */
export interface TarFile {
  readonly path: string;
  /** The permission bits from the header, e.g. 0o755. */
  readonly mode: number;
  readonly data: Buffer;
}

function text(header: Buffer, offset: number, length: number): string {
  const field = header.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString('utf8');
}

// sizes are octal text, or big-endian base-256 with the top bit set for files of 8 GiB and more
function number(header: Buffer, offset: number, length: number, what: string): number {
  const field = header.subarray(offset, offset + length);
  if ((field[0] ?? 0) & 0x80) {
    return [...field].reduce((value, byte, index) => value * 256 + (index === 0 ? byte & 0x7f : byte), 0);
  }
  const digits = text(header, offset, length).trim();
  if (digits === '') return 0;
  if (!/^[0-7]+$/.test(digits)) throw new PackageError(`tar archive: bad ${what} field "${digits}"`);
  return Number.parseInt(digits, 8);
}

/** The `path` record of a pax extended header ("<length> path=<value>\n" records). */
function paxPath(data: Buffer): string | undefined {
  for (const record of data.toString('utf8').split('\n')) {
    const match = /^\d+ path=(.*)$/s.exec(record);
    if (match) return match[1];
  }
  return undefined;
}

/** Every regular file of an uncompressed tar archive, in archive order. */
export function* tarFiles(tar: Buffer): Generator<TarFile> {
  let offset = 0;
  let longName: string | undefined;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) return;
    const size = number(header, 124, 12, 'size');
    const type = String.fromCharCode(header[156] ?? 0);
    const start = offset + BLOCK;
    if (start + size > tar.length) throw new PackageError('tar archive: truncated entry data');
    const data = tar.subarray(start, start + size);
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x' || type === 'L') {
      // a pax header or a GNU long name describes the entry that follows it
      longName = type === 'x' ? paxPath(data) : text(data, 0, data.length);
      continue;
    }
    if (type === 'g') continue;
    const prefix = header.subarray(257, 263).toString('latin1').startsWith('ustar')
      ? text(header, 345, 155)
      : '';
    const name = text(header, 0, 100);
    const filePath = longName ?? (prefix ? `${prefix}/${name}` : name);
    longName = undefined;
    // '0' and NUL are regular files; directories, links and devices are not needed here
    if (type === '0' || type === '\0')
      yield { path: filePath, mode: number(header, 100, 8, 'mode') & 0o7777, data };
  }
}

/** The files at `paths` in a gzipped tar archive (a .tgz); a path the archive lacks is absent from the map. */
export function readTgzFiles(tgz: Buffer, paths: readonly string[]): Map<string, TarFile> {
  let tar: Buffer;
  try {
    tar = gunzipSync(tgz);
  } catch (error) {
    throw new PackageError(`tar archive: not gzip data (${errorMessage(error)})`);
  }
  const wanted = new Set(paths);
  const found = new Map<string, TarFile>();
  for (const file of tarFiles(tar)) {
    if (wanted.has(file.path)) found.set(file.path, file);
  }
  return found;
}
