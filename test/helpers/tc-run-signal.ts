// node dist/main.js as ThreatConnect runs it, signalled once something the test waits for has happened
// (an IPQS request arrived, say): interrupted runs without any timing.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { randomKey, writeEncryptedParams } from './param-file';
import { MAIN_JS, readLogs, readMessageTc } from './tc-run';
import type { TcRunDirs, TcRunResult } from './tc-run';

/** The child is killed (SIGKILL) and the promise rejects when it has not exited after this long. */
const TIMEOUT_MS = 20_000;

/**
 * Encrypts `params` into `dirs.inPath`, starts dist/main.js, and sends `signal` (SIGTERM by default) as
 * soon as `trigger` resolves; `trigger` gets the run's exit so it can stop waiting for a run that ended.
 */
export function runMainSignalled(
  dirs: TcRunDirs,
  params: Record<string, unknown>,
  trigger: (exited: Promise<unknown>) => Promise<unknown>,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<TcRunResult> {
  const key = randomKey(16);
  mkdirSync(dirs.inPath, { recursive: true });
  const paramFile = writeEncryptedParams(dirs.inPath, params, key);
  const child = spawn(process.execPath, [MAIN_JS], {
    cwd: dirs.root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TC_APP_PARAM_FILE: paramFile,
      TC_APP_PARAM_KEY: key,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, exitSignal) => {
      clearTimeout(timer);
      if (exitSignal === 'SIGKILL') reject(new Error(`node ${MAIN_JS} did not exit within ${TIMEOUT_MS} ms`));
      else resolve({ code, signal: exitSignal });
    });
  });
  void trigger(exited).then(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
  return exited.then((exit) => ({
    ...exit,
    stdout,
    stderr,
    paramFile,
    messageTc: readMessageTc(dirs.outPath),
    logText: readLogs(dirs.logPath),
  }));
}
