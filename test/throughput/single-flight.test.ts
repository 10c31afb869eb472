import { singleFlight } from '../../src/throughput/single-flight';

/** A promise the test settles by hand. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('singleFlight', () => {
  it('runs the producer once for 10 concurrent calls with one key, and all get its value', async () => {
    const flight = singleFlight<string>();
    const gate = deferred<string>();
    const produce = jest.fn(() => gate.promise);
    const calls = Array.from({ length: 10 }, () => flight.run('k', produce));
    expect(flight.size).toBe(1);
    gate.resolve('answer');
    await expect(Promise.all(calls)).resolves.toEqual(Array(10).fill('answer'));
    expect(produce).toHaveBeenCalledTimes(1);
  });

  it('forgets a key once its promise settled, so a later call produces again', async () => {
    const flight = singleFlight<number>();
    let runs = 0;
    const produce = (): Promise<number> => Promise.resolve(++runs);
    await expect(flight.run('k', produce)).resolves.toBe(1);
    expect(flight.size).toBe(0);
    await expect(flight.run('k', produce)).resolves.toBe(2);
  });

  it('shares a rejection with every waiter and then forgets the key', async () => {
    const flight = singleFlight<number>();
    const gate = deferred<number>();
    const produce = jest.fn(() => gate.promise);
    const calls = [flight.run('k', produce), flight.run('k', produce)];
    gate.reject(new Error('boom'));
    for (const call of calls) await expect(call).rejects.toThrow('boom');
    expect(produce).toHaveBeenCalledTimes(1);
    expect(flight.size).toBe(0);
  });

  it('turns a producer that throws synchronously into a rejection', async () => {
    const flight = singleFlight<number>();
    await expect(
      flight.run('k', () => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    expect(flight.size).toBe(0);
  });

  it('runs different keys separately', async () => {
    const flight = singleFlight<string>();
    const produce = jest.fn((value: string) => Promise.resolve(value));
    const [a, b] = await Promise.all([
      flight.run('a', () => produce('A')),
      flight.run('b', () => produce('B')),
    ]);
    expect([a, b]).toEqual(['A', 'B']);
    expect(produce).toHaveBeenCalledTimes(2);
  });
});
