import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { INTERRUPT_MESSAGE, onTerminationSignal, TERMINATION_SIGNALS } from '../../src/tc/signals';
import { runNode } from '../helpers/run-main';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** A handler whose promise the test settles, recording the signals it was called with. */
function controlledHandler(): {
  handler: (signal: NodeJS.Signals) => Promise<void>;
  calls: string[];
  finish: () => void;
} {
  const calls: string[] = [];
  let finish = (): void => undefined;
  const handler = (signal: NodeJS.Signals): Promise<void> => {
    calls.push(signal);
    return new Promise<void>((resolve) => {
      finish = resolve;
    });
  };
  return { handler, calls, finish: () => finish() };
}

describe('onTerminationSignal', () => {
  it('uses tcex wording for the interrupt message', () => {
    expect(INTERRUPT_MESSAGE).toBe('The App received an interrupt signal and will now exit.');
  });

  it.each(SIGNALS)('runs the handler with %s when that signal arrives', (signal) => {
    const source = new EventEmitter();
    const { handler, calls } = controlledHandler();
    onTerminationSignal(handler, source);
    source.emit(signal);
    expect(calls).toEqual([signal]);
  });

  it('ignores a second signal while the handler runs', () => {
    const source = new EventEmitter();
    const { handler, calls } = controlledHandler();
    onTerminationSignal(handler, source);
    source.emit('SIGTERM');
    source.emit('SIGTERM');
    source.emit('SIGINT');
    expect(calls).toEqual(['SIGTERM']);
  });

  it('runs the handler only once even after it has finished', async () => {
    const source = new EventEmitter();
    const { handler, calls, finish } = controlledHandler();
    onTerminationSignal(handler, source);
    source.emit('SIGINT');
    finish();
    await Promise.resolve();
    source.emit('SIGHUP');
    expect(calls).toEqual(['SIGINT']);
  });

  it('removes its listeners when uninstalled, and uninstalling twice is harmless', () => {
    const source = new EventEmitter();
    const { handler, calls } = controlledHandler();
    const uninstall = onTerminationSignal(handler, source);
    expect(SIGNALS.map((signal) => source.listenerCount(signal))).toEqual([1, 1, 1]);
    uninstall();
    uninstall();
    expect(SIGNALS.map((signal) => source.listenerCount(signal))).toEqual([0, 0, 0]);
    source.emit('SIGTERM');
    expect(calls).toEqual([]);
  });

  it('installs on process by default and restores it when uninstalled', () => {
    const before = TERMINATION_SIGNALS.map((signal) => process.listenerCount(signal));
    const uninstall = onTerminationSignal(() => Promise.resolve());
    try {
      expect(TERMINATION_SIGNALS.map((signal) => process.listenerCount(signal))).toEqual(
        before.map((n) => n + 1),
      );
    } finally {
      uninstall();
    }
    expect(TERMINATION_SIGNALS.map((signal) => process.listenerCount(signal))).toEqual(before);
  });
});

describe('onTerminationSignal with real signals', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'signals-'));
    // the child loads the TypeScript source through ts-node, since dist/ only holds the bundled entries
    const script = `
      require(${JSON.stringify(require.resolve('ts-node/register/transpile-only'))});
      const { onTerminationSignal, INTERRUPT_MESSAGE } = require(${JSON.stringify(path.resolve(__dirname, '../../src/tc/signals.ts'))});
      const signal = process.argv[2];
      let deliveries = 0;
      process.on(signal, () => { deliveries += 1; });
      let calls = 0;
      onTerminationSignal(async (received) => {
        calls += 1;
        process.stdout.write('handling ' + received + '\\n');
        // a second, real signal while the handler runs
        process.kill(process.pid, signal);
        await new Promise((resolve) => { const wait = () => (deliveries >= 2 ? resolve() : setImmediate(wait)); wait(); });
        process.stdout.write('calls=' + calls + ' ' + INTERRUPT_MESSAGE + '\\n');
        process.exit(1);
      });
      setInterval(() => undefined, 60000);
      process.stdout.write('ready\\n');
    `;
    writeFileSync(path.join(dir, 'child.js'), script);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(SIGNALS)('survives a second %s and runs the handler once', async (signal) => {
    const result = await runNode(path.join(dir, 'child.js'), {
      args: [signal],
      cwd: path.resolve(__dirname, '../..'),
      env: { TS_NODE_PROJECT: path.resolve(__dirname, '../../tsconfig.json') },
      signal,
      signalOnOutput: 'ready\n',
    });
    expect(result).toMatchObject({ code: 1, signal: null, stderr: '' });
    expect(result.stdout).toBe(`ready\nhandling ${signal}\ncalls=1 ${INTERRUPT_MESSAGE}\n`);
  });
});
