/**
 * Peak resident memory of a child process, from the kernel's own high-water mark (VmHWM in
 * /proc/<pid>/status), sampled until the child exits. Linux only: elsewhere there is no reading.
 */
import { readFileSync } from 'node:fs';

/** VmHWM of `pid` in kB, or undefined when /proc has no reading (not Linux, or the process is gone). */
export function readVmHwmKb(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
    return match?.[1] === undefined ? undefined : Number(match[1]);
  } catch {
    return undefined;
  }
}

/** Samples VmHWM of `pid` every `intervalMs`; `stop()` takes a last sample and returns the highest (kB). */
export function sampleVmHwm(pid: number, intervalMs = 20): { stop(): number | undefined } {
  let peak: number | undefined;
  const sample = (): void => {
    const kb = readVmHwmKb(pid);
    if (kb !== undefined) peak = Math.max(peak ?? 0, kb);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
