import nock from 'nock';
import { KvStoreError } from '../../../src/errors';
import type { MockKvData } from '../../../src/tc/kvstore/kv-store-mock';
import { openKvStore } from '../../../src/tc/kvstore/open-kv-store';
import { createTcApiClient } from '../../../src/tc/tc-api';
import { redisHostPort, testRedis, uniqueContext } from '../../helpers/redis';

describe('openKvStore', () => {
  it('opens Redis on the given host, port and context', async () => {
    const context = uniqueContext('open');
    const store = await openKvStore({ type: 'Redis', context, ...redisHostPort() });
    const raw = testRedis();
    try {
      await store.write([['#App:1:x!String', '"x"']]);

      expect(store.kind).toBe('Redis');
      expect(await raw.hget(context, '#App:1:x!String')).toBe('"x"');
    } finally {
      await store.close();
      await raw.quit();
    }
  });

  it('opens the TC key-value API over the given client', async () => {
    nock('https://tc.example.test')
      .get('/api/internal/playbooks/keyValue/ctx/%23App%3A1%3Ax%21String')
      .reply(200, '"v"');
    const tcApi = createTcApiClient({ apiPath: 'https://tc.example.test/api', token: 'APIV2:token' });

    const store = await openKvStore({ type: 'TCKeyValueAPI', context: 'ctx', tcApi });

    expect(store.kind).toBe('TCKeyValueAPI');
    await expect(store.read('#App:1:x!String')).resolves.toBe('"v"');
  });

  it('opens the Mock over the given data', async () => {
    const mockData: MockKvData = new Map([['ctx', new Map([['#App:1:x!String', '"staged"']])]]);

    const store = await openKvStore({ type: 'Mock', context: 'ctx', mockData });

    expect(store.kind).toBe('Mock');
    await expect(store.read('#App:1:x!String')).resolves.toBe('"staged"');
  });

  it.each<[string, Parameters<typeof openKvStore>[0], string]>([
    [
      'no context',
      { type: 'Mock', context: '' },
      'KV store: tc_playbook_kvstore_context is missing: there is no playbook context',
    ],
    [
      'TCKeyValueAPI without a TC API',
      { type: 'TCKeyValueAPI', context: 'ctx' },
      'KV store: TCKeyValueAPI needs the TC API (tc_api_path and credentials)',
    ],
    [
      'an unknown type',
      { type: 'Memcached' as 'Mock', context: 'ctx' },
      'KV store: invalid tc_kvstore_type Memcached',
    ],
  ])('rejects %s with a KvStoreError', async (_label, settings, message) => {
    await expect(openKvStore(settings)).rejects.toThrow(new KvStoreError(message));
  });
});
