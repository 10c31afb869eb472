// Runs a node script (dist/main.js, dist/cli.js, or a test's own script) in a child process with a clean
// environment, as ThreatConnect would, and collects its exit code and output.
import { spawn } from 'node:child_process';

export interface RunNodeOptions {
  /** Added to the clean environment (PATH and HOME only); an undefined value removes a variable. */
  readonly env?: NodeJS.ProcessEnv;
  readonly args?: readonly string[];
  readonly cwd?: string;
  /** Written to the child's stdin, which is then closed (it is closed at once without it). */
  readonly input?: string;
  /** The child is killed (SIGKILL) and the promise rejects after this long; 20 s by default. */
  readonly timeoutMs?: number;
  /** Send `signal` this long after the start. */
  readonly killAfterMs?: number;
  /** Send `signal` as soon as stdout or stderr shows this text (no timing involved). */
  readonly signalOnOutput?: string | RegExp;
  /** The signal for killAfterMs / signalOnOutput; SIGTERM by default. */
  readonly signal?: NodeJS.Signals;
}

export interface RunNodeResult {
  /** The exit code, or null when a signal ended the child. */
  readonly code: number | null;
  /** The signal that ended the child, if one did. */
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cleanEnv(extra: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
  return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined));
}

function matches(text: string, pattern: string | RegExp): boolean {
  return typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
}

/** Spawns `node <script> ...args` and resolves with its exit code, signal, stdout and stderr. */
export function runNode(script: string, options: RunNodeOptions = {}): Promise<RunNodeResult> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const signal = options.signal ?? 'SIGTERM';
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...(options.args ?? [])], {
      cwd: options.cwd,
      env: cleanEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    let timedOut = false;
    const sendSignal = (): void => {
      if (signalled || child.exitCode !== null || child.signalCode !== null) return;
      signalled = true;
      child.kill(signal);
    };
    const onOutput = (): void => {
      if (options.signalOnOutput !== undefined && matches(stdout + stderr, options.signalOnOutput))
        sendSignal();
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      onOutput();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      onOutput();
    });
    // a child that exits without reading its stdin must not fail the test with EPIPE
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');

    const killTimer =
      options.killAfterMs === undefined ? undefined : setTimeout(sendSignal, options.killAfterMs);
    const timeoutTimer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(killTimer);
      clearTimeout(timeoutTimer);
      reject(error);
    });
    child.on('close', (code, exitSignal) => {
      clearTimeout(killTimer);
      clearTimeout(timeoutTimer);
      if (timedOut) {
        reject(
          new Error(
            `node ${script} did not exit within ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`,
          ),
        );
        return;
      }
      resolve({ code, signal: exitSignal, stdout, stderr });
    });
  });
}
