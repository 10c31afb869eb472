import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runNode } from './run-main';

let dir: string;
beforeEach(() => {
  dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'run-main-')));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function script(name: string, source: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, source);
  return file;
}

describe('runNode', () => {
  it('passes args, stdin, cwd and a clean environment, and returns code, stdout and stderr', async () => {
    const file = script(
      'echo.js',
      `let input = '';
       process.stdin.on('data', (chunk) => { input += chunk; });
       process.stdin.on('end', () => {
         process.stdout.write(JSON.stringify({ args: process.argv.slice(2), input, cwd: process.cwd(), env: Object.keys(process.env).sort() }));
         process.stderr.write('to stderr');
         process.exitCode = 3;
       });`,
    );
    process.env.RUN_MAIN_TEST_LEAK = 'must not reach the child';
    try {
      const result = await runNode(file, {
        args: ['a', 'b c'],
        input: 'hello',
        cwd: dir,
        env: { EXTRA: '1', HOME: undefined },
      });
      expect(result).toMatchObject({ code: 3, signal: null, stderr: 'to stderr' });
      expect(JSON.parse(result.stdout)).toEqual({
        args: ['a', 'b c'],
        input: 'hello',
        cwd: dir,
        env: ['EXTRA', 'PATH'],
      });
    } finally {
      delete process.env.RUN_MAIN_TEST_LEAK;
    }
  });

  it('reports the signal that ended a child without a handler', async () => {
    const file = script('hang.js', `process.stdout.write('up\\n'); setInterval(() => undefined, 60000);`);
    await expect(runNode(file, { signalOnOutput: 'up', signal: 'SIGKILL' })).resolves.toMatchObject({
      code: null,
      signal: 'SIGKILL',
      stdout: 'up\n',
    });
  });

  it('kills a child that outlives timeoutMs and rejects', async () => {
    const file = script('forever.js', `setInterval(() => undefined, 60000);`);
    await expect(runNode(file, { timeoutMs: 300 })).rejects.toThrow(/did not exit within 300 ms/);
  });
});
