export default function globalTeardown(): void {
  const pid = (globalThis as { __REDIS_PID__?: number }).__REDIS_PID__;
  if (pid) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}
