import type Redis from 'ioredis';
import { KvStoreError, VariableError } from '../../../src/errors';
import type { KvStore } from '../../../src/tc/kvstore/kv-store';
import { MockKvStore } from '../../../src/tc/kvstore/kv-store-mock';
import { openKvStore } from '../../../src/tc/kvstore/open-kv-store';
import { OutputStage } from '../../../src/tc/playbook/output-stage';
import { redisHostPort, testRedis, uniqueContext } from '../../helpers/redis';

const REQUESTED = [
  '#App:9876:ipqs.score!String',
  '#App:9876:ipqs.flag!String',
  '#App:9876:ipqs.tags!StringArray',
  '#App:9876:ipqs.raw!Binary',
  '#App:9876:ipqs.pairs!KeyValueArray',
  '#App:9876:ipqs.entity!TCEntity',
  '#App:9876:ipqs.entities!TCEntityArray',
  ' #App:9876:ipqs.pair!KeyValue ',
  'ipqs.bare',
];

/** A KV store that records each write call and forwards it. */
function recording(inner: KvStore): KvStore & { calls: Array<ReadonlyArray<readonly [string, string]>> } {
  const calls: Array<ReadonlyArray<readonly [string, string]>> = [];
  return {
    kind: inner.kind,
    calls,
    read: (key) => inner.read(key),
    write: async (entries) => {
      calls.push(entries);
      await inner.write(entries);
    },
    close: () => inner.close(),
  };
}

describe('OutputStage with Redis', () => {
  let raw: Redis;

  beforeAll(() => {
    raw = testRedis();
  });

  afterAll(async () => {
    await raw.quit();
  });

  it('writes only requested outputs, byte-identical to Python tcex, in one write', async () => {
    const context = uniqueContext('outputs');
    const store = await openKvStore({ type: 'Redis', context, ...redisHostPort() });
    const kv = recording(store);
    const stage = new OutputStage(REQUESTED);
    try {
      stage.stage('ipqs.score', 'String', 85);
      stage.stage('#App:9876:ipqs.flag!String', 'String', true);
      stage.stage('ipqs.tags', 'StringArray', ['a', 'b\u00e9', null, '\u{1F600}']);
      stage.stage('ipqs.raw', 'Binary', Buffer.from([0x00, 0xff, 0x68, 0x65, 0x6c, 0x6c, 0x6f]));
      stage.stage('ipqs.pairs', 'KeyValueArray', [{ key: 'country', value: 'FR' }]);
      stage.stage('ipqs.entity', 'TCEntity', { id: '1', value: '1.1.1.1', type: 'Address' });
      stage.stage('ipqs.pair', 'KeyValue', { key: 'fraud_score', value: 0.5 });
      stage.stage('ipqs.bare', 'String', 'bare value');
      stage.stage('ipqs.unrequested', 'String', 'never written');
      stage.stage('#App:9876:other!String', 'String', 'never written');

      const result = await stage.flush(kv);

      expect(kv.calls).toHaveLength(1);
      expect(result.written).toHaveLength(8);
      // Each value is what CPython's json.dumps writes for the same data.
      expect(await raw.hgetall(context)).toEqual({
        '#App:9876:ipqs.score!String': '"85"',
        '#App:9876:ipqs.flag!String': '"true"',
        '#App:9876:ipqs.tags!StringArray': '["a", "b\\u00e9", null, "\\ud83d\\ude00"]',
        '#App:9876:ipqs.raw!Binary': '"AP9oZWxsbw=="',
        '#App:9876:ipqs.pairs!KeyValueArray': '[{"key": "country", "value": "FR"}]',
        '#App:9876:ipqs.entity!TCEntity': '{"id": "1", "value": "1.1.1.1", "type": "Address"}',
        '#App:9876:ipqs.pair!KeyValue': '{"key": "fraud_score", "value": 0.5}',
        'ipqs.bare': '"bare value"',
      });
    } finally {
      await store.close();
    }
  });

  it('writes nothing new on a second flush, and only what changed after that', async () => {
    const context = uniqueContext('twice');
    const store = await openKvStore({ type: 'Redis', context, ...redisHostPort() });
    const kv = recording(store);
    const stage = new OutputStage(REQUESTED);
    try {
      stage.stage('ipqs.score', 'String', '10');
      stage.stage('ipqs.tags', 'StringArray', ['x']);
      await stage.flush(kv);

      await expect(stage.flush(kv)).resolves.toEqual({ written: [] });
      expect(kv.calls).toHaveLength(1);

      stage.stage('ipqs.tags', 'StringArray', ['x']);
      stage.stage('ipqs.score', 'String', '20');
      await expect(stage.flush(kv)).resolves.toEqual({ written: ['#App:9876:ipqs.score!String'] });
      expect(kv.calls).toHaveLength(2);
      expect(await raw.hget(context, '#App:9876:ipqs.score!String')).toBe('"20"');
    } finally {
      await store.close();
    }
  });
});

describe('OutputStage staging', () => {
  it('lists the outputs still to write, keeping them staged when a flush fails', async () => {
    const failing: KvStore = {
      kind: 'Mock',
      read: () => Promise.resolve(null),
      write: () => Promise.reject(new KvStoreError('KV store: down')),
      close: () => Promise.resolve(),
    };
    const kv = new MockKvStore('ctx');
    const stage = new OutputStage(REQUESTED);
    stage.stage('ipqs.score', 'String', '1');
    stage.stage('ipqs.tags', 'StringArray', ['a']);

    await expect(stage.flush(failing)).rejects.toThrow(KvStoreError);
    expect(stage.pendingVariables()).toEqual([
      '#App:9876:ipqs.score!String',
      '#App:9876:ipqs.tags!StringArray',
    ]);

    await stage.flush(kv);
    expect(stage.pendingVariables()).toEqual([]);
    await expect(kv.read('#App:9876:ipqs.tags!StringArray')).resolves.toBe('["a"]');
  });

  it('keeps the last value staged for a variable', async () => {
    const kv = new MockKvStore('ctx');
    const stage = new OutputStage(REQUESTED);

    stage.stage('ipqs.score', 'String', '1');
    stage.stage('#App:9876:ipqs.score!String', 'String', '2');
    await stage.flush(kv);

    expect(stage.stagedCount).toBe(1);
    await expect(kv.read('#App:9876:ipqs.score!String')).resolves.toBe('"2"');
  });

  it('never writes a null: staging null drops an earlier value', async () => {
    const kv = new MockKvStore('ctx');
    const stage = new OutputStage(REQUESTED);

    stage.stage('ipqs.score', 'String', '1');
    stage.stage('ipqs.score', 'String', null);
    stage.stage('ipqs.tags', 'StringArray', undefined);

    expect(stage.stagedCount).toBe(0);
    await expect(stage.flush(kv)).resolves.toEqual({ written: [] });
    expect(kv.data.size).toBe(0);
  });

  it('does not grow for unrequested outputs and does not even check their values', () => {
    const stage = new OutputStage(REQUESTED);

    for (let i = 0; i < 100_000; i += 1) stage.stage(`ipqs.result_${i}`, 'KeyValue', 'not a KeyValue');

    expect(stage.stagedCount).toBe(0);
  });

  it('writes nothing when nothing was requested', async () => {
    const kv = new MockKvStore('ctx');
    const stage = new OutputStage([]);

    stage.stage('ipqs.score', 'String', '1');

    await expect(stage.flush(kv)).resolves.toEqual({ written: [] });
  });

  it('writes a bare name to every requested variable with that key and type', async () => {
    const kv = new MockKvStore('ctx');
    const stage = new OutputStage([
      '#App:1:ipqs.score!String',
      '#App:2:ipqs.score!String',
      '#App:1:ipqs.score!StringArray',
    ]);

    stage.stage('ipqs.score', 'String', '5');
    const { written } = await stage.flush(kv);

    expect(written).toEqual(['#App:1:ipqs.score!String', '#App:2:ipqs.score!String']);
  });

  it.each<[string, string, string, unknown, string]>([
    [
      'a value of the wrong shape',
      'ipqs.pairs',
      'KeyValueArray',
      [1, 2],
      'Invalid value for #App:9876:ipqs.pairs!KeyValueArray: expected an object with "key" and "value", got a number',
    ],
    [
      'a full variable staged as another type',
      '#App:9876:ipqs.score!String',
      'StringArray',
      ['a'],
      'Invalid output #App:9876:ipqs.score!String: the variable is a String, not a StringArray',
    ],
  ])('rejects %s with a VariableError', (_label, name, type, value, message) => {
    const stage = new OutputStage(REQUESTED);

    expect(() => stage.stage(name, type, value)).toThrow(new VariableError(message));
  });
});

describe('OutputStage.isRequested', () => {
  const stage = new OutputStage(REQUESTED);

  it.each<[string, string | undefined, boolean]>([
    ['#App:9876:ipqs.score!String', undefined, true],
    ['#App:9876:ipqs.pair!KeyValue', undefined, true],
    ['ipqs.score', undefined, true],
    ['ipqs.score', 'String', true],
    ['ipqs.score', 'StringArray', false],
    ['ipqs.bare', 'String', true],
    ['ipqs.unrequested', undefined, false],
    ['#App:1111:ipqs.score!String', undefined, false],
  ])('says %s (type %s) requested: %s', (name, type, expected) => {
    expect(stage.isRequested(name, type)).toBe(expected);
  });

  it('matches bare names only against requested variables of its app type when one is set', () => {
    const requested = ['#Trigger:5:ipqs.score!String'];

    expect(new OutputStage(requested, { appType: 'App' }).isRequested('ipqs.score')).toBe(false);
    expect(new OutputStage(requested, { appType: 'Trigger' }).isRequested('ipqs.score')).toBe(true);
    expect(new OutputStage(requested).isRequested('ipqs.score')).toBe(true);
  });
});
