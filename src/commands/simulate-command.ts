/**
 * `ipqs-tc simulate`: runs the offline IPQS simulator in the foreground until SIGINT or SIGTERM, for
 * playbook testing against a local base URL, demos and benchmarks.
 */
import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { startSimulator } from '../simulator';
import type { Simulator, SimulatorOptions } from '../simulator';

interface SimulateOptions {
  readonly port: number;
  readonly host: string;
  readonly latencyMs?: number;
  readonly jitterMs?: number;
  readonly rateLimit?: number;
  readonly failRate?: number;
  readonly seed?: number;
}

/** A commander parser for a number in [min, max], whole when `integer`; the error names the range. */
export function numberOption(options: {
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
}): (raw: string) => number {
  const { min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY, integer = false } = options;
  const kind = integer ? 'a whole number' : 'a number';
  const range =
    max === Number.POSITIVE_INFINITY
      ? min === Number.NEGATIVE_INFINITY
        ? ''
        : ` of at least ${min}`
      : ` from ${min} to ${max}`;
  return (raw) => {
    const value = raw.trim() === '' ? Number.NaN : Number(raw);
    if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
      throw new InvalidArgumentError(`It must be ${kind}${range}.`);
    }
    return value;
  };
}

/** Listens for SIGINT and SIGTERM from now on (so none is missed while starting); `stopped` resolves on the first. */
function stopSignals(): { readonly stopped: Promise<NodeJS.Signals>; release(): void } {
  let release = (): void => undefined;
  const stopped = new Promise<NodeJS.Signals>((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      release();
      resolve(signal);
    };
    release = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return { stopped, release };
}

function simulatorOptions(options: SimulateOptions): SimulatorOptions {
  const { port, host, latencyMs, jitterMs, rateLimit, failRate, seed } = options;
  const knobs = { latencyMs, jitterMs, rateLimit, failRate, seed };
  return {
    port,
    host,
    ...Object.fromEntries(Object.entries(knobs).filter(([, value]) => value !== undefined)),
  };
}

/** Adds `simulate [--port N] [--host H] [--latency-ms N] ...` to the program. */
export function registerSimulateCommand(program: Command): void {
  program
    .command('simulate')
    .description('run an IPQS-compatible server on loopback until Ctrl-C (no key, no network)')
    .option(
      '--port <n>',
      'port to listen on (0 = a free port)',
      numberOption({ min: 0, max: 65_535, integer: true }),
      0,
    )
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option(
      '--latency-ms <ms>',
      'response time of every lookup answer, from its arrival',
      numberOption({ min: 0 }),
    )
    .option('--jitter-ms <ms>', 'up to this much more random delay', numberOption({ min: 0 }))
    .option(
      '--rate-limit <n>',
      'lookups per second before 429s (0 = off)',
      numberOption({ min: 0, integer: true }),
    )
    .option(
      '--fail-rate <fraction>',
      'share of lookups that fail with 5xx or a reset',
      numberOption({ min: 0, max: 1 }),
    )
    .option('--seed <n>', 'seed of the failure and jitter draws', numberOption({ integer: true }))
    .action(async (options: SimulateOptions) => {
      const signals = stopSignals();
      let simulator: Simulator;
      try {
        simulator = await startSimulator(simulatorOptions(options));
      } catch (error) {
        signals.release();
        throw error;
      }
      process.stdout.write(`IPQS simulator listening on ${simulator.url}\n`);
      process.stdout.write(
        `Point the app at it: IPQS_BASE_URL=${simulator.url} (or the ipqs_base_url param)\n`,
      );
      const signal = await signals.stopped;
      const { requests } = simulator.stats();
      await simulator.close();
      process.stdout.write(`IPQS simulator stopped on ${signal} after ${requests.total} requests\n`);
      process.exitCode = 0;
    });
}
