// buildPackage on a copy of the project's files, the build step stubbed (test/commands runs the real
// one); packaged-app.test.ts starts what it builds.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { ManifestError } from '../../src/errors';
import { buildPackage } from '../../src/package/build-package';
import { PackageError } from '../../src/package/package-error';

const REPO = path.resolve(__dirname, '../..');
const FOLDER = 'TCPB_-_IPQS_Fraud_and_Risk_Scoring_v1';
const SHIPPED = ['README.md', 'dist/app.js', 'dist/main.js', 'install.json', 'layout.json', 'run.py'];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'build-package-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('buildPackage', () => {
  let root: string;
  beforeEach(() => {
    root = path.join(dir, 'project');
    mkdirSync(root);
    for (const file of ['install.json', 'layout.json', 'README.md', 'run.py', 'package.json']) {
      copyFileSync(path.join(REPO, file), path.join(root, file));
    }
  });

  function freshBuild(calls: string[]): (buildRoot: string) => Promise<void> {
    return (buildRoot) => {
      calls.push(buildRoot);
      mkdirSync(path.join(buildRoot, 'dist'), { recursive: true });
      writeFileSync(path.join(buildRoot, 'dist/main.js'), '// the fresh bundle');
      writeFileSync(path.join(buildRoot, 'dist/app.js'), '// the fresh app');
      writeFileSync(path.join(buildRoot, 'dist/cli.js'), '// not shipped');
      return Promise.resolve();
    };
  }

  it('runs the build in the project, then zips the fresh bundle and the manifests into <out>/<folder>.tcx', async () => {
    const calls: string[] = [];
    mkdirSync(path.join(root, 'node_modules/x'), { recursive: true });
    writeFileSync(path.join(root, 'node_modules/x/index.js'), '');
    const built = await buildPackage({ root, outDir: path.join(dir, 'out'), build: freshBuild(calls) });
    expect(calls).toEqual([root]);
    expect(built).toEqual({
      file: path.join(dir, 'out', `${FOLDER}.tcx`),
      size: statSync(built.file).size,
      folder: FOLDER,
    });
    const zip = new AdmZip(built.file);
    expect(
      zip
        .getEntries()
        .filter((entry) => !entry.isDirectory)
        .map((entry) => entry.entryName)
        .sort(),
    ).toEqual(SHIPPED.map((file) => `${FOLDER}/${file}`));
    expect(zip.readAsText(`${FOLDER}/dist/main.js`)).toBe('// the fresh bundle');
    expect(zip.readFile(`${FOLDER}/install.json`)).toEqual(readFileSync(path.join(root, 'install.json')));
  });

  it('adds the Node binary at bin/node, executable, with withNode', async () => {
    const built = await buildPackage({
      root,
      outDir: dir,
      withNode: true,
      build: freshBuild([]),
      nodeBinary: () => Promise.resolve({ version: '20.9.9', data: Buffer.from('a node') }),
    });
    expect(built.nodeVersion).toBe('20.9.9');
    const entry = new AdmZip(built.file).getEntry(`${FOLDER}/bin/node`);
    expect(entry?.getData().toString()).toBe('a node');
    expect((entry!.header.attr >>> 16) & 0o777).toBe(0o755);
  });

  it('checks the manifests before building, and builds nothing when they are invalid', async () => {
    writeFileSync(path.join(root, 'layout.json'), '{"inputs": "nope"}');
    const calls: string[] = [];
    await expect(buildPackage({ root, outDir: dir, build: freshBuild(calls) })).rejects.toThrow(
      ManifestError,
    );
    expect(calls).toEqual([]);
  });

  it('refuses an install.json that ThreatConnect would not start through run.py', async () => {
    const install = JSON.parse(readFileSync(path.join(root, 'install.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    writeFileSync(path.join(root, 'install.json'), JSON.stringify({ ...install, programMain: 'app.py' }));
    const calls: string[] = [];
    await expect(buildPackage({ root, outDir: dir, build: freshBuild(calls) })).rejects.toThrow(
      new PackageError('install.json programMain: must be run.py (got app.py)'),
    );
    expect(calls).toEqual([]);
  });

  it('names a project file the package needs and cannot read', async () => {
    rmSync(path.join(root, 'run.py'));
    await expect(buildPackage({ root, outDir: dir, build: freshBuild([]) })).rejects.toThrow(
      new PackageError(`run.py: cannot read it from ${root} (ENOENT)`),
    );
  });

  it('writes no package when the build fails', async () => {
    const failure = new PackageError(
      'build: node scripts/build.mjs exited with code 1 (its errors are above)',
    );
    const out = path.join(dir, 'out');
    await expect(buildPackage({ root, outDir: out, build: () => Promise.reject(failure) })).rejects.toBe(
      failure,
    );
    expect(existsSync(out)).toBe(false);
  });
});
