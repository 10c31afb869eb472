// The run.py launcher on its own: which Node it execs, and that it execs it in place (same pid, so
// signals and the exit code pass straight through) with the same arguments and environment. The Node
// binaries here are shell scripts that report how they were started.
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runPython } from './run-python';

const RUN_PY = path.resolve(__dirname, '../../run.py');

let root: string;
let appDir: string;
let cwd: string;
/** A PATH holding nothing but what a test puts in it. */
let emptyPath: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'run-py-'));
  appDir = path.join(root, 'app');
  cwd = path.join(root, 'cwd');
  emptyPath = path.join(root, 'path');
  for (const dir of [path.join(appDir, 'dist'), cwd, emptyPath]) mkdirSync(dir, { recursive: true });
  copyFileSync(RUN_PY, path.join(appDir, 'run.py'));
  writeFileSync(path.join(appDir, 'dist/main.js'), '// the app\n');
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A stand-in Node that prints its name, pid, argv and TC_APP_PARAM_FILE, then exits with `code`. */
function fakeNode(file: string, name: string, code = 0, mode = 0o755): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `#!/bin/sh\necho "${name} pid=$$ file=$TC_APP_PARAM_FILE args=$*"\nexit ${code}\n`);
  chmodSync(file, mode);
  return file;
}

function launch(env: NodeJS.ProcessEnv = {}, args: readonly string[] = []) {
  return runPython(path.join(appDir, 'run.py'), { cwd, env: { PATH: emptyPath, ...env }, args });
}

const mainJs = (): string => path.join(appDir, 'dist/main.js');

describe('run.py', () => {
  it('execs the shipped bin/node in place with main.js, the arguments and the environment', async () => {
    fakeNode(path.join(appDir, 'bin/node'), 'shipped', 7);
    fakeNode(path.join(emptyPath, 'node'), 'on-path');
    const result = await launch({ TC_APP_PARAM_FILE: '/in/app_param.aes', IPQS_NODE: 'node' }, [
      '--a',
      'b c',
    ]);
    expect(result.stdout).toBe(`shipped pid=${result.pid} file=/in/app_param.aes args=${mainJs()} --a b c\n`);
    expect(result.code).toBe(7);
    expect(result.stderr).toBe('');
  });

  it('makes a shipped bin/node executable when the unzipper dropped its mode', async () => {
    const node = fakeNode(path.join(appDir, 'bin/node'), 'shipped', 0, 0o644);
    const result = await launch();
    expect(result.stdout).toMatch(/^shipped /);
    expect(statSync(node).mode & 0o111).not.toBe(0);
  });

  it.each([
    ['a path', (dir: string) => path.join(dir, 'node20')],
    ['a name on PATH', () => 'node20'],
  ])('uses IPQS_NODE given as %s when no Node is shipped', async (_label, value) => {
    fakeNode(path.join(emptyPath, 'node20'), 'configured', 3);
    fakeNode(path.join(emptyPath, 'node'), 'on-path');
    const result = await launch({ IPQS_NODE: value(emptyPath) });
    expect(result.stdout).toMatch(/^configured /);
    expect(result.code).toBe(3);
  });

  it('uses node on PATH when no Node is shipped and IPQS_NODE is unset', async () => {
    fakeNode(path.join(emptyPath, 'node'), 'on-path');
    const result = await launch();
    expect(result.stdout).toBe(`on-path pid=${result.pid} file= args=${mainJs()}\n`);
    expect(result.code).toBe(0);
  });

  it('exits 1 with one line on stderr and in message.tc when no Node is found', async () => {
    const result = await launch();
    const line =
      'Node.js was not found: ship it in the package (ipqs-tc package --with-node), set IPQS_NODE, or put node on PATH';
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: `${line}\n` });
    expect(readFileSync(path.join(cwd, 'message.tc'), 'utf8')).toBe(`${line}\n`);
  });

  it('writes message.tc to the legacy --tc_out_path argument when one is given', async () => {
    const outPath = path.join(root, 'out');
    const result = await launch({}, ['--tc_out_path', outPath]);
    expect(result.code).toBe(1);
    expect(readFileSync(path.join(outPath, 'message.tc'), 'utf8')).toMatch(/^Node\.js was not found: /);
  });

  it('names IPQS_NODE when it points at no executable, rather than falling back to PATH', async () => {
    fakeNode(path.join(emptyPath, 'node'), 'on-path');
    const result = await launch({ IPQS_NODE: '/nowhere/node' });
    expect(result).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'Node.js was not found: IPQS_NODE=/nowhere/node is not an executable file\n',
    });
  });

  it('falls back to the next Node when the shipped one cannot be executed here', async () => {
    // a binary for another platform: exec fails with "Exec format error"
    mkdirSync(path.join(appDir, 'bin'));
    writeFileSync(path.join(appDir, 'bin/node'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0]));
    chmodSync(path.join(appDir, 'bin/node'), 0o755);
    fakeNode(path.join(emptyPath, 'node'), 'on-path');
    const result = await launch();
    expect(result.stdout).toMatch(/^on-path /);
  });

  it('exits 1 naming the missing dist/main.js', async () => {
    rmSync(mainJs());
    fakeNode(path.join(emptyPath, 'node'), 'on-path');
    const result = await launch();
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `The app is incomplete: ${mainJs()} is missing; rebuild it with ipqs-tc package\n`,
    );
  });
});
