import { mkdtempSync, rmSync, symlinkSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PackageError } from '../../src/package/package-error';
import { readTgzFiles, tarFiles } from '../../src/package/tar-reader';
import { makeTgz } from './tar-fixtures';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tar-reader-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

// a path longer than a ustar name field, split into prefix and name by the packer
const DEEP_PATH = `package/${'d'.repeat(60)}/${'e'.repeat(60)}/${'f'.repeat(40)}.txt`;
// one component longer than 100 characters: only a pax header or a GNU long name can hold it
const LONG_NAME = `package/${'n'.repeat(120)}.txt`;

describe('readTgzFiles', () => {
  it.each([
    ['ustar', DEEP_PATH],
    ['pax', LONG_NAME],
    ['gnu', LONG_NAME],
  ] as const)('reads files, their modes and a long path from a %s archive', (format, longPath) => {
    const binary = Buffer.from(Array.from({ length: 1500 }, (_, index) => index % 256));
    const tgz = makeTgz(
      dir,
      [
        { path: 'package/bin/node', content: binary, mode: 0o755 },
        { path: longPath, content: 'deep' },
        { path: 'package/empty', content: '' },
      ],
      format,
    );
    const files = readTgzFiles(tgz, ['package/bin/node', longPath, 'package/empty', 'package/absent']);
    expect(files.get('package/bin/node')).toEqual({ path: 'package/bin/node', mode: 0o755, data: binary });
    expect(files.get(longPath)?.data.toString()).toBe('deep');
    expect(files.get(longPath)?.mode).toBe(0o644);
    expect(files.get('package/empty')?.data).toEqual(Buffer.alloc(0));
    expect(files.has('package/absent')).toBe(false);
  });

  it('throws PackageError for data that is not gzip', () => {
    expect(() => readTgzFiles(Buffer.from('not a tarball'), ['x'])).toThrow(PackageError);
    expect(() => readTgzFiles(Buffer.from('not a tarball'), ['x'])).toThrow(/^tar archive: not gzip data \(/);
  });

  it('throws PackageError for an archive cut short inside an entry', () => {
    const tgz = makeTgz(dir, [{ path: 'package/big', content: Buffer.alloc(4096, 1) }]);
    const cut = gzipSync(gunzipSync(tgz).subarray(0, 512 + 1024));
    expect(() => readTgzFiles(cut, ['package/big'])).toThrow(
      new PackageError('tar archive: truncated entry data'),
    );
  });
});

describe('tarFiles', () => {
  it('yields regular files only, skipping directories and symbolic links', () => {
    mkdirSync(path.join(dir, 'tree/package'), { recursive: true });
    symlinkSync('real', path.join(dir, 'tree/package/link'));
    const tgz = makeTgz(dir, [{ path: 'package/real', content: 'x' }]);
    expect([...tarFiles(gunzipSync(tgz))].map((file) => file.path)).toEqual(['package/real']);
  });

  it('throws PackageError naming a size field that is not octal', () => {
    const tar = gunzipSync(makeTgz(dir, [{ path: 'package/file', content: 'x' }]));
    tar.write('12z4567\0', 124, 'latin1');
    expect(() => [...tarFiles(tar)]).toThrow(new PackageError('tar archive: bad size field "12z4567"'));
  });
});
