/** The bench's own failure: something it needs is missing or a measured run failed, so it exits 1. */
import type { AppRunResult } from './app-run';

/** The bench itself could not measure (a run failed, a tool is missing). */
export class BenchError extends Error {
  override readonly name = 'BenchError';
}

/** Throws BenchError unless the run exited 0 (the bench sets fail_on_error false, so 0 is expected). */
export function checkExit(label: string, result: AppRunResult): void {
  if (result.code === 0) return;
  const detail = [result.messageTc, result.stderr.trim()].filter(Boolean).join(' | ');
  throw new BenchError(`${label}: node dist/main.js exited ${result.code}: ${detail || 'no message'}`);
}
