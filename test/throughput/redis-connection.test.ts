import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { KvStoreError } from '../../src/errors';
import { closeCacheRedis, openCacheRedis } from '../../src/throughput/redis-connection';
import { redisHostPort, testRedis } from '../helpers/redis';
import { freePort } from '../helpers/redis-server';

describe('openCacheRedis', () => {
  it('connects to the given db, where a write is seen by another client of that db only', async () => {
    const client = await openCacheRedis({ ...redisHostPort(), db: 11 });
    const db11 = testRedis(11);
    const db0 = testRedis(0);
    const key = `test-cache-${randomUUID()}`;
    try {
      await client.set(key, 'v', 'EX', 60);
      expect(await db11.get(key)).toBe('v');
      expect(await db0.get(key)).toBeNull();
    } finally {
      await Promise.all([closeCacheRedis(client), db11.quit(), db0.quit()]);
    }
    // quit resolves on the server's OK; the client ends once the socket closed
    if (client.status !== 'end') await new Promise((resolve) => client.once('end', resolve));
    expect(client.status).toBe('end');
  });

  it('fails with a KvStoreError naming host, port and db when nothing listens there', async () => {
    const port = await freePort();
    const opening = openCacheRedis({ host: '127.0.0.1', port, db: 10, connectTimeoutMs: 1_000 });
    await expect(opening).rejects.toThrow(KvStoreError);
    await expect(opening).rejects.toThrow(
      `KV store: cache Redis at 127.0.0.1:${port} db 10 is unreachable (ECONNREFUSED)`,
    );
  });

  it('fails with a KvStoreError naming a TLS file that cannot be read', async () => {
    const opening = openCacheRedis({
      ...redisHostPort(),
      db: 10,
      tlsEnabled: true,
      caFile: '/nonexistent/ca.pem',
    });
    await expect(opening).rejects.toThrow(KvStoreError);
    await expect(opening).rejects.toThrow(
      'KV store: cannot read the Redis TLS CA file /nonexistent/ca.pem (ENOENT)',
    );
  });

  describe('with a user and password (an ACL user of the test server)', () => {
    const user = `test-cache-${randomUUID()}`;
    const password = `pw-${randomUUID()}`;
    let admin: Redis;
    beforeAll(async () => {
      admin = testRedis();
      await admin.acl('SETUSER', user, 'on', `>${password}`, '~*', '+@all');
    });
    afterAll(async () => {
      await admin.acl('DELUSER', user);
      await admin.quit();
    });

    it('connects with the credentials', async () => {
      const client = await openCacheRedis({ ...redisHostPort(), user, password, db: 10 });
      try {
        expect(await client.acl('WHOAMI')).toBe(user);
      } finally {
        await closeCacheRedis(client);
      }
    });

    it('reports rejected credentials without the password', async () => {
      const wrong = `${password}-wrong`;
      const { host, port } = redisHostPort();
      const opening = openCacheRedis({ host, port, user, password: wrong, db: 10 });
      await expect(opening).rejects.toThrow(KvStoreError);
      await expect(opening).rejects.toThrow(
        `KV store: cache Redis at ${host}:${port} db 10 rejected the credentials`,
      );
      await opening.catch((error: Error) => expect(error.message).not.toContain(password));
    });
  });
});
