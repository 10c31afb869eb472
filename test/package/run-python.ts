// Runs the package's run.py with the real Python 3 (resolved once to its absolute path, so a test may
// give the child a PATH without python3 or node on it) and a clean environment, as ThreatConnect would.
import { execFileSync, spawn } from 'node:child_process';

export interface PythonResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The pid of the process spawned as `python3 run.py`. */
  readonly pid: number;
}

let python: string | undefined;

/** The absolute path of the python3 on the test's PATH (through any pyenv-style shim). */
export function pythonExecutable(): string {
  python ??= execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], {
    encoding: 'utf8',
  }).trim();
  return python;
}

/** Spawns `python3 <script> ...args` with only PATH, HOME and `env`; an undefined value removes a variable. */
export function runPython(
  script: string,
  options: { cwd: string; env?: NodeJS.ProcessEnv; args?: readonly string[] },
): Promise<PythonResult> {
  const merged: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env };
  const env = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined));
  return new Promise((resolve, reject) => {
    const child = spawn(pythonExecutable(), [script, ...(options.args ?? [])], {
      cwd: options.cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, pid: child.pid ?? -1 });
    });
  });
}
