/** The options of `startSimulator`, checked once at start. */
import { z } from 'zod';
import { AppError } from '../errors';

/** The simulator cannot start: an option is out of range, or the port cannot be bound (the message says which). */
export class SimulatorError extends AppError {
  override readonly name = 'SimulatorError';
}

export interface SimulatorOptions {
  /** Port to listen on; 0 (the default) picks a free port. */
  readonly port?: number;
  /** Address to listen on; default 127.0.0.1 (loopback only). */
  readonly host?: string;
  /** Every lookup answer's response time in milliseconds, from the request's arrival; never shorter. */
  readonly latencyMs?: number;
  /** Up to this many more milliseconds of (seeded) random delay. */
  readonly jitterMs?: number;
  /** Lookups per wall-clock second before 429s (`Retry-After: 1`); 0 or absent = no limit. */
  readonly rateLimit?: number;
  /** Fraction 0..1 of lookups answered 500, 502, 503 or a reset, drawn from `seed`. */
  readonly failRate?: number;
  /** Seed of the failure and jitter draws; default 1. */
  readonly seed?: number;
  /** Which API keys are valid; default: any non-empty key. */
  readonly acceptKeys?: (key: string) => boolean;
  /** The clock, in epoch milliseconds (tests fix it to control the per-second windows). */
  readonly now?: () => number;
}

const schema = z.object({
  port: z.number().int().min(0).max(65_535).default(0),
  host: z.string().min(1).default('127.0.0.1'),
  latencyMs: z.number().min(0).default(0),
  jitterMs: z.number().min(0).default(0),
  rateLimit: z.number().int().min(0).default(0),
  failRate: z.number().min(0).max(1).default(0),
  seed: z.number().int().default(1),
});

/** The options with defaults filled in. */
export type ResolvedSimulatorOptions = z.infer<typeof schema> & {
  readonly acceptKeys: (key: string) => boolean;
  readonly now: () => number;
};

/** Fills in defaults; an out-of-range option throws `SimulatorError` naming it. */
export function resolveSimulatorOptions(options: SimulatorOptions = {}): ResolvedSimulatorOptions {
  const { acceptKeys, now, ...numbers } = options;
  const parsed = schema.safeParse(numbers);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SimulatorError(
      `simulator option ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return {
    ...parsed.data,
    acceptKeys: acceptKeys ?? ((key: string) => key !== ''),
    now: now ?? Date.now,
  };
}
