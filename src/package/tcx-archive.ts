/**
 * Writes the .tcx: an ordinary ZIP holding one top-level folder (contract §8.3), with Unix modes kept so
 * run.py and bin/node stay executable where the unzipper honours them.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { errorMessage } from '../errors';
import { PackageError } from './package-error';

/** One file of the package, by its path inside the app folder. */
export interface PackageFile {
  /** e.g. `dist/main.js` (forward slashes). */
  readonly path: string;
  readonly data: Buffer;
  /** Unix permission bits; 0o644 unless given. */
  readonly mode?: number;
}

// "version made by": upper byte 3 = Unix, so unzip and others read the modes in the external attributes
const MADE_BY_UNIX = (3 << 8) | 20;

/** The folders (with a trailing slash) that hold `files`, parents first. */
function folderEntries(folder: string, files: readonly PackageFile[]): string[] {
  const folders = new Set<string>([`${folder}/`]);
  for (const file of files) {
    const parts = file.path.split('/').slice(0, -1);
    parts.forEach((_, index) => folders.add(`${folder}/${parts.slice(0, index + 1).join('/')}/`));
  }
  return [...folders].sort();
}

/** The zip bytes: `folder/` and every file under it. */
export function tcxBuffer(folder: string, files: readonly PackageFile[]): Buffer {
  const zip = new AdmZip();
  for (const entry of folderEntries(folder, files)) zip.addFile(entry, Buffer.alloc(0), '', 0o755);
  for (const file of files) zip.addFile(`${folder}/${file.path}`, file.data, '', file.mode ?? 0o644);
  for (const entry of zip.getEntries()) entry.header.made = MADE_BY_UNIX;
  return zip.toBuffer();
}

/** Writes the zip to `outDir/fileName` (through a temporary name, so a reader never sees half a file). */
export function writeTcx(
  outDir: string,
  fileName: string,
  folder: string,
  files: readonly PackageFile[],
): { file: string; size: number } {
  const file = path.join(outDir, fileName);
  const partial = `${file}.partial`;
  const data = tcxBuffer(folder, files);
  try {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(partial, data);
    renameSync(partial, file);
  } catch (error) {
    // a half-written file must not stay behind (and there may be no folder to remove it from)
    if (existsSync(partial)) rmSync(partial, { force: true });
    const reason = (error as NodeJS.ErrnoException).code ?? errorMessage(error);
    throw new PackageError(`--out ${outDir}: cannot write ${fileName} (${reason})`);
  }
  return { file, size: data.length };
}
