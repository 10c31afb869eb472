import { WRITE_BATCH, writeBatcher } from '../../src/throughput/write-batcher';

describe('writeBatcher', () => {
  it('sends full batches at once and the rest in one more batch, each add settling once its batch was sent', async () => {
    const sent: string[][] = [];
    const batcher = writeBatcher((entries) => {
      sent.push(entries.map(([key]) => key));
      return Promise.resolve();
    });
    const count = WRITE_BATCH * 2 + 3;
    const keys = Array.from({ length: count }, (_, n) => `k${n}`);

    const added = keys.map((key) => batcher.add(key, 'v'));
    // the two full batches went at once; the last three wait for the delay
    await Promise.all(added.slice(0, WRITE_BATCH * 2));
    expect(sent.map((batch) => batch.length)).toEqual([WRITE_BATCH, WRITE_BATCH]);
    await Promise.all(added);

    expect(sent.map((batch) => batch.length)).toEqual([WRITE_BATCH, WRITE_BATCH, 3]);
    expect(sent.flat()).toEqual(keys);
  });

  it('does not settle an add before its batch was sent', async () => {
    let release!: () => void;
    let sends = 0;
    const batcher = writeBatcher(() => {
      sends += 1;
      return new Promise<void>((resolve) => (release = resolve));
    });
    let settled = false;
    // a full batch goes at once, without the delay
    const added = Promise.all(Array.from({ length: WRITE_BATCH }, (_, n) => batcher.add(`k${n}`, 'v'))).then(
      () => (settled = true),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(sends).toBe(1);
    expect(settled).toBe(false);
    release();
    await added;
    expect(settled).toBe(true);
  });
});
