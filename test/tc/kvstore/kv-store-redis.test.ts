import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Redis from 'ioredis';
import { KvStoreError } from '../../../src/errors';
import { RedisKvStore, redisClientOptions } from '../../../src/tc/kvstore/kv-store-redis';
import { redisHostPort, testRedis, uniqueContext } from '../../helpers/redis';

let raw: Redis;
const opened: RedisKvStore[] = [];

async function connect(
  options: Partial<Parameters<typeof RedisKvStore.connect>[0]> = {},
): Promise<RedisKvStore> {
  const store = await RedisKvStore.connect({ ...redisHostPort(), context: uniqueContext('kv'), ...options });
  opened.push(store);
  return store;
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(() => {
  raw = testRedis();
});

afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
  await raw.quit();
});

describe('RedisKvStore reads and writes', () => {
  it('reads a field of the context hash as the raw stored string, and null when absent', async () => {
    const context = uniqueContext('read');
    await raw.hset(context, '#App:1:name!String', '"caf\\u00e9"');
    const store = await connect({ context });

    await expect(store.read('#App:1:name!String')).resolves.toBe('"caf\\u00e9"');
    await expect(store.read('#App:1:other!String')).resolves.toBeNull();
  });

  it('writes every entry into the context hash with a single HSET', async () => {
    const context = uniqueContext('write');
    const store = await connect({ context });
    const monitor = await raw.monitor();
    const commands: string[][] = [];
    // The monitor reports commands in server order, so seeing the EXISTS sent after the write means
    // every command of the write has been reported.
    const drained = new Promise<void>((resolve) => {
      monitor.on('monitor', (_time: string, args: string[]) => {
        if (args[1] !== context) return;
        if (args[0]?.toLowerCase() === 'exists') resolve();
        else commands.push(args);
      });
    });

    await store.write([
      ['#App:1:a!String', '"a"'],
      ['#App:1:b!StringArray', '["b", null]'],
      ['#App:1:c!String', '"c"'],
    ]);
    await raw.exists(context);
    await drained;
    monitor.disconnect();

    expect(await raw.hgetall(context)).toEqual({
      '#App:1:a!String': '"a"',
      '#App:1:b!StringArray': '["b", null]',
      '#App:1:c!String': '"c"',
    });
    expect(commands.filter(([command]) => command?.toLowerCase() === 'hset')).toHaveLength(1);
  });

  it('writes nothing for an empty batch', async () => {
    const context = uniqueContext('empty');
    const store = await connect({ context });

    await store.write([]);

    expect(await raw.exists(context)).toBe(0);
  });

  it('uses the configured database', async () => {
    const context = uniqueContext('db');
    const db3 = testRedis(3);
    try {
      const store = await connect({ context, db: 3 });
      await store.write([['#App:1:x!String', '"x"']]);

      expect(await db3.hget(context, '#App:1:x!String')).toBe('"x"');
      expect(await raw.exists(context)).toBe(0);
    } finally {
      await db3.quit();
    }
  });

  it('reports a read or write after close as a KvStoreError naming the operation and key', async () => {
    const context = uniqueContext('closed');
    const store = await connect({ context });
    await store.close();
    await store.close(); // a second close is harmless

    await expect(store.read('#App:1:x!String')).rejects.toThrow(
      new KvStoreError(
        `KV store: Redis HGET #App:1:x!String in context ${context} failed (Connection is closed.)`,
      ),
    );
    await expect(store.write([['#App:1:y!String', '"y"']])).rejects.toThrow(
      `KV store: Redis HSET #App:1:y!String in context ${context} failed`,
    );
  });
});

describe('RedisKvStore.connect failures', () => {
  const user = `kvstore-test-${randomUUID()}`;
  const password = `pw-${randomUUID()}`;

  beforeAll(async () => {
    // An ACL user of its own: the shared test server's default user stays password-less.
    await raw.call('ACL', 'SETUSER', user, 'on', `>${password}`, '~*', '+@all');
  });

  afterAll(async () => {
    await raw.call('ACL', 'DELUSER', user);
  });

  it('logs in with a user and password', async () => {
    const context = uniqueContext('acl');
    const store = await connect({ context, user, password });

    await store.write([['#App:1:x!String', '"x"']]);

    expect(await raw.hget(context, '#App:1:x!String')).toBe('"x"');
  });

  it('reports a wrong password as rejected credentials, without the password', async () => {
    const wrong = `wrong-${randomUUID()}`;
    const error: unknown = await connect({ user, password: wrong }).catch((e: unknown) => e);
    const { host, port } = redisHostPort();

    expect(error).toBeInstanceOf(KvStoreError);
    expect((error as KvStoreError).message).toBe(
      `KV store: Redis at ${host}:${port} rejected the credentials (WRONGPASS invalid username-password pair or user is disabled.)`,
    );
    expect((error as KvStoreError).message).not.toContain(wrong);
  });

  it('reports a closed port as unreachable', async () => {
    const port = await closedPort();

    await expect(connect({ host: '127.0.0.1', port })).rejects.toThrow(
      new KvStoreError(`KV store: Redis at 127.0.0.1:${port} is unreachable (ECONNREFUSED)`),
    );
  });

  it('connects to the TLS port when TLS is enabled (a plain server never completes the handshake)', async () => {
    const { host, port } = redisHostPort();

    await expect(
      connect({ host, port: await closedPort(), tlsEnabled: true, tlsPort: port, connectTimeoutMs: 200 }),
    ).rejects.toThrow(`KV store: Redis at ${host}:${port} is unreachable (ETIMEDOUT)`);
  });

  it('reports a missing TLS file before connecting', async () => {
    await expect(connect({ tlsEnabled: true, caFile: '/nonexistent/ca.pem' })).rejects.toThrow(
      new KvStoreError('KV store: cannot read the Redis TLS CA file /nonexistent/ca.pem (ENOENT)'),
    );
  });
});

describe('redisClientOptions', () => {
  it('uses the TLS port and the broker CA, certificate and key files, verifying the server', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kv-tls-'));
    const files = { caFile: 'ca.pem', certFile: 'cert.pem', keyFile: 'key.pem' };
    for (const name of Object.values(files)) writeFileSync(path.join(dir, name), `contents of ${name}`);

    const options = redisClientOptions({
      context: 'ctx',
      host: 'redis.internal',
      port: 6379,
      tlsEnabled: true,
      tlsPort: 6380,
      caFile: path.join(dir, files.caFile),
      certFile: path.join(dir, files.certFile),
      keyFile: path.join(dir, files.keyFile),
      db: 2,
    });

    expect(options).toMatchObject({ host: 'redis.internal', port: 6380, db: 2 });
    expect(options.tls).toEqual({
      ca: Buffer.from('contents of ca.pem'),
      cert: Buffer.from('contents of cert.pem'),
      key: Buffer.from('contents of key.pem'),
      rejectUnauthorized: true,
    });
  });

  it('uses the plain port, db 0 and no TLS by default', () => {
    const options = redisClientOptions({ context: 'ctx', host: 'localhost', port: 6379, tlsPort: 6380 });

    expect(options).toMatchObject({
      port: 6379,
      db: 0,
      tls: undefined,
      username: undefined,
      password: undefined,
    });
  });

  it('gives up reconnecting after a few attempts instead of retrying forever', () => {
    const { retryStrategy } = redisClientOptions({ context: 'ctx', host: 'localhost', port: 6379 });

    expect(retryStrategy?.(1)).toEqual(expect.any(Number));
    expect(retryStrategy?.(50)).toBeNull();
  });
});
