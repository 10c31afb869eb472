import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { PackageError } from '../../src/package/package-error';
import { tcxBuffer, writeTcx } from '../../src/package/tcx-archive';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tcx-archive-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const files = [
  { path: 'install.json', data: Buffer.from('{}') },
  { path: 'run.py', data: Buffer.from('print(1)'), mode: 0o755 },
  { path: 'dist/main.js', data: Buffer.from('// js') },
];

/** Each entry's name, Unix mode and the "made by" system from a zip's bytes. */
function entries(zip: Buffer): Array<[string, string, number]> {
  return new AdmZip(zip)
    .getEntries()
    .map((entry) => [
      entry.entryName,
      ((entry.header.attr >>> 16) & 0o7777).toString(8),
      entry.header.made >> 8,
    ]);
}

describe('tcxBuffer', () => {
  it('holds one top-level folder with its sub-folders and files, modes kept and marked as Unix', () => {
    expect(entries(tcxBuffer('App_v1', files)).sort()).toEqual([
      ['App_v1/', '755', 3],
      ['App_v1/dist/', '755', 3],
      ['App_v1/dist/main.js', '644', 3],
      ['App_v1/install.json', '644', 3],
      ['App_v1/run.py', '755', 3],
    ]);
  });

  it('stores the file contents unchanged', () => {
    const zip = new AdmZip(tcxBuffer('App_v1', files));
    expect(zip.readAsText('App_v1/run.py')).toBe('print(1)');
    expect(zip.readAsText('App_v1/dist/main.js')).toBe('// js');
  });
});

describe('writeTcx', () => {
  it('writes the zip into a new out folder and returns its path and size', () => {
    const outDir = path.join(dir, 'target/deep');
    const written = writeTcx(outDir, 'App_v1.tcx', 'App_v1', files);
    expect(written.file).toBe(path.join(outDir, 'App_v1.tcx'));
    expect(written.size).toBe(readFileSync(written.file).length);
    expect(readdirSync(outDir)).toEqual(['App_v1.tcx']);
  });

  it('replaces an older package of the same name', () => {
    writeFileSync(path.join(dir, 'App_v1.tcx'), 'old');
    writeTcx(dir, 'App_v1.tcx', 'App_v1', files);
    expect(new AdmZip(path.join(dir, 'App_v1.tcx')).getEntries()).toHaveLength(5);
  });

  it('throws PackageError naming the out folder when it cannot be made', () => {
    const blocker = path.join(dir, 'file');
    writeFileSync(blocker, '');
    expect(() => writeTcx(blocker, 'App_v1.tcx', 'App_v1', files)).toThrow(
      new PackageError(`--out ${blocker}: cannot write App_v1.tcx (EEXIST)`),
    );
    expect(existsSync(path.join(blocker, 'App_v1.tcx.partial'))).toBe(false);
  });
});
