// Runs once before the suite: bundles dist/ (the end-to-end tests run node dist/main.js as ThreatConnect
// would) and starts a real redis-server on a free port unless REDIS_URL names one already.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startRedisServer } from '../helpers/redis-server';

const root = path.resolve(__dirname, '../..');

export default async function globalSetup(): Promise<void> {
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (process.env.REDIS_URL) return;
  const server = await startRedisServer(['--databases', '16']);
  (globalThis as { __REDIS_PID__?: number }).__REDIS_PID__ = server.process.pid;
  process.env.REDIS_URL = server.url;
}
