// `node dist/cli.js package` in a copy of the project, so the real build (scripts/build.mjs) rewrites the
// copy's dist/ and never the repository's, which other test files run at the same time.
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { runNode } from '../helpers/run-main';

const REPO = path.resolve(__dirname, '../..');
const CLI = path.join(REPO, 'dist/cli.js');
const TCX = 'TCPB_-_IPQS_Fraud_and_Risk_Scoring_v1.tcx';
const FOLDER = 'TCPB_-_IPQS_Fraud_and_Risk_Scoring_v1';
const LEFT_OUT = new Set(['node_modules', 'dist', 'target', 'log', 'coverage', 'test', '.git']);

let dir: string;
let project: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'package-command-'));
  project = path.join(dir, 'project');
  // everything the build reads; node_modules is shared, and the outputs of earlier runs stay behind
  for (const item of readdirSync(REPO)) {
    if (!LEFT_OUT.has(item)) cpSync(path.join(REPO, item), path.join(project, item), { recursive: true });
  }
  symlinkSync(path.join(REPO, 'node_modules'), path.join(project, 'node_modules'), 'dir');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function packageIn(cwd: string, args: readonly string[] = []) {
  return runNode(CLI, { args: ['package', ...args], cwd, timeoutMs: 60_000 });
}

describe('ipqs-tc package', () => {
  it('builds the project it is run in and writes target/<app>_v<major>.tcx there, printing its path and size', async () => {
    const result = await packageIn(path.join(project, 'src/runtime'));
    const file = path.join(project, 'target', TCX);
    expect(result.stdout).toBe(`Wrote ${file} (${statSync(file).size} bytes)\n`);
    expect(result.code).toBe(0);
    // the build ran in the copy: its fresh bundle is the one in the package
    const zip = new AdmZip(file);
    expect(zip.readFile(`${FOLDER}/dist/main.js`)).toEqual(readFileSync(path.join(project, 'dist/main.js')));
    expect(zip.readFile(`${FOLDER}/dist/app.js`)).toEqual(readFileSync(path.join(project, 'dist/app.js')));
    expect(
      zip
        .getEntries()
        .map((entry) => entry.entryName)
        .sort(),
    ).toEqual(
      [
        `${FOLDER}/`,
        `${FOLDER}/README.md`,
        `${FOLDER}/dist/`,
        `${FOLDER}/dist/app.js`,
        `${FOLDER}/dist/main.js`,
        `${FOLDER}/install.json`,
        `${FOLDER}/layout.json`,
        `${FOLDER}/run.py`,
      ].sort(),
    );
  });

  it('writes to --out, resolved against the working directory', async () => {
    const result = await packageIn(project, ['--out', '../packages']);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(dir, 'packages', TCX))).toBe(true);
    expect(existsSync(path.join(project, 'target'))).toBe(false);
  });

  it('exits 1 with the manifest problems on one line, before building', async () => {
    const install = JSON.parse(readFileSync(path.join(project, 'install.json'), 'utf8')) as {
      params: unknown[];
    };
    writeFileSync(
      path.join(project, 'install.json'),
      JSON.stringify({ ...install, params: [...install.params, { name: 'x' }] }),
    );
    const result = await packageIn(project);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Manifest errors: install\.json[^\n]*\n$/);
    expect(existsSync(path.join(project, 'dist'))).toBe(false);
  });

  it('exits 1 naming the build script when the build fails', async () => {
    writeFileSync(path.join(project, 'src/main.ts'), 'this is not typescript (');
    const result = await packageIn(project);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /\nbuild: node scripts\/build\.mjs exited with code 1 \(its errors are above\)\n$/,
    );
    expect(existsSync(path.join(project, 'target'))).toBe(false);
  });
});
