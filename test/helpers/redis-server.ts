// Starts a real redis-server of its own on a free port: the jest global setup uses it for the shared test
// server, and fault tests use it for a server they may shut down mid-run.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import Redis from 'ioredis';

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForRedis(url: string, password: string | undefined): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const client = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      ...(password === undefined ? {} : { password }),
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
      client.disconnect();
      return;
    } catch (error) {
      client.disconnect();
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Starts redis-server with `extraArgs` on `port` (a free one by default) and resolves once it answers. */
export async function startRedisServer(
  extraArgs: readonly string[] = [],
  port?: number,
): Promise<RedisServer> {
  port ??= await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...extraArgs],
    { stdio: 'ignore' },
  );
  child.unref();
  const url = `redis://127.0.0.1:${port}`;
  // a server started with --requirepass is asked with that password whether it is up
  const at = extraArgs.indexOf('--requirepass');
  const password = at < 0 ? undefined : extraArgs[at + 1];
  try {
    await waitForRedis(url, password);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    port,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

/** A ready client of `server` (db 0 unless given); the caller quits it. */
export async function connectedRedis(
  server: RedisServer,
  options: { password?: string; db?: number } = {},
): Promise<Redis> {
  const client = new Redis(server.url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    db: options.db ?? 0,
    ...(options.password === undefined ? {} : { password: options.password }),
  });
  await client.connect();
  return client;
}
