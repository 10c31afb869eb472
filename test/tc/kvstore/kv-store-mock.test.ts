import { MockKvStore } from '../../../src/tc/kvstore/kv-store-mock';
import type { MockKvData } from '../../../src/tc/kvstore/kv-store-mock';

describe('MockKvStore', () => {
  it('reads values pre-staged in its data map for its own context only', async () => {
    const data: MockKvData = new Map([
      ['ctx-a', new Map([['#App:1:in!String', '"staged"']])],
      ['ctx-b', new Map([['#App:1:other!String', '"other"']])],
    ]);
    const store = new MockKvStore('ctx-a', data);

    await expect(store.read('#App:1:in!String')).resolves.toBe('"staged"');
    await expect(store.read('#App:1:other!String')).resolves.toBeNull();
  });

  it('writes into the shared map, where the caller reads the outputs back', async () => {
    const data: MockKvData = new Map();
    const store = new MockKvStore('ctx', data);

    await store.write([
      ['#App:1:a!String', '"a"'],
      ['#App:1:b!String', '"b"'],
    ]);
    await store.write([['#App:1:a!String', '"a2"']]);
    await store.close();

    expect(data.get('ctx')).toEqual(
      new Map([
        ['#App:1:a!String', '"a2"'],
        ['#App:1:b!String', '"b"'],
      ]),
    );
  });

  it('creates no context for an empty write', async () => {
    const store = new MockKvStore('ctx');

    await store.write([]);

    expect(store.data.size).toBe(0);
  });
});
