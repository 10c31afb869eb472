/**
 * The requests-per-second limit on IPQS lookups. With Redis it is shared by every process using the same
 * API key (every concurrent run on every worker); without Redis it holds for this process only. Windows
 * are aligned to wall-clock seconds and counted under one key per window, so no wall-clock second sees
 * more than the limit across all processes (given worker clocks in step, as NTP keeps them).
 */
import type Redis from 'ioredis';
import type * as RateLimiterFlexible from 'rate-limiter-flexible';
import type { RateLimiterAbstract, RateLimiterMemory } from 'rate-limiter-flexible';
import { AppError, errorMessage } from '../errors';
import { silentLog } from '../logging/log';
import type { Log } from '../logging/log';
import { apiKeyHash } from './api-key-hash';

/** Prefix of the limiter's Redis keys: `ipqs-tc:rl:<api key hash>:<window start, unix seconds>`. */
export const RATE_LIMIT_KEY_PREFIX = 'ipqs-tc:rl';

/** Waits for permission to send one request. */
export interface RequestRateLimit {
  /** Resolves when one more request may be sent now; rejects with RateLimitAbortedError on abort or close. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Stops waiting acquisitions; the Redis client stays open (its owner quits it). */
  close(): Promise<void>;
}

export interface RateLimitOptions {
  /** max_requests_per_second: 0 is no limit; fractions below 1 widen the window (see `rateWindow`). */
  readonly requestsPerSecond: number;
  /** Only its hash is used: it names the shared counter. */
  readonly apiKey: string;
  /** Shares the limit through this client; the limit is per process without it. */
  readonly redis?: Redis;
  readonly log?: Log;
  /** Wall-clock milliseconds (tests). */
  readonly now?: () => number;
  /** Waits `ms`, rejecting early when `signal` aborts (tests inject one that advances their clock). */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** A wait for the rate limit was given up: the run was interrupted or the limit closed. */
export class RateLimitAbortedError extends AppError {
  override readonly name = 'RateLimitAbortedError';
}

/** How many requests a window allows, and how long it is. */
export interface RateWindow {
  readonly points: number;
  readonly seconds: number;
}

/**
 * The window for a rate: one second and floor(rate) requests from 1/s up (2.5/s allows 2 a second, so
 * no second ever exceeds the rate), else ceil(1/rate) seconds and one request (0.3/s is one per 4 s).
 */
export function rateWindow(requestsPerSecond: number): RateWindow {
  if (!Number.isFinite(requestsPerSecond) || requestsPerSecond <= 0) {
    throw new AppError(`rate limit: requests per second must be a positive number, not ${requestsPerSecond}`);
  }
  if (requestsPerSecond >= 1) return { points: Math.floor(requestsPerSecond), seconds: 1 };
  return { points: 1, seconds: Math.ceil(1 / requestsPerSecond) };
}

/** Creates the limit for one run; `requestsPerSecond` 0 gives one that never waits. */
export function createRateLimit(options: RateLimitOptions): RequestRateLimit {
  if (options.requestsPerSecond === 0) return noRateLimit;
  return new WindowRateLimit(options, rateWindow(options.requestsPerSecond));
}

const noRateLimit: RequestRateLimit = {
  acquire: () => Promise.resolve(),
  close: () => Promise.resolve(),
};

/** Waits `ms`, or rejects as soon as `signal` aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted());
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function aborted(): RateLimitAbortedError {
  return new RateLimitAbortedError('rate limit: the wait for a request slot was cancelled');
}

/** How long before a window ends its slots stop being used (a request takes a few ms to reach IPQS). */
const GUARD_MS = 25;
/**
 * The guard of a limit's first window. A run's first requests take much longer from slot to IPQS (the
 * connection is opened and the request code runs for the first time, while the process is still
 * starting): the bench saw 16 of them, granted just before the 25 ms guard, land in the next second.
 */
const FIRST_WINDOW_GUARD_MS = 250;

let library: typeof RateLimiterFlexible | undefined;

/** rate-limiter-flexible, loaded when a run has a limit: runs without one do not pay for it at start-up. */
function rateLimiterFlexible(): typeof RateLimiterFlexible {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  library ??= require('rate-limiter-flexible') as typeof RateLimiterFlexible;
  return library;
}

class WindowRateLimit implements RequestRateLimit {
  private readonly keyBase: string;
  private readonly windowMs: number;
  /** The end of each window where no slot is used (requests still in transit at the boundary). */
  private readonly guardMs: number;
  private readonly firstWindowGuardMs: number;
  /** The end of the window this limit was created in (its first requests are slow to go out). */
  private firstWindowEnd: number | undefined;
  private readonly memory: RateLimiterMemory;
  private limiter: RateLimiterAbstract;
  private readonly log: Log;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** One controller per wait in progress: close() aborts them all, so nothing waits after the run ends. */
  private readonly waits = new Set<AbortController>();
  private closed = false;

  constructor(options: RateLimitOptions, window: RateWindow) {
    this.keyBase = apiKeyHash(options.apiKey);
    this.windowMs = window.seconds * 1000;
    this.guardMs = Math.min(GUARD_MS, this.windowMs / 10);
    this.firstWindowGuardMs = Math.min(FIRST_WINDOW_GUARD_MS, this.windowMs / 4);
    this.log = options.log ?? silentLog;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? abortableSleep;
    // A counter outlives its window by a second, so a late increment never lands on a fresh key.
    const limits = { keyPrefix: RATE_LIMIT_KEY_PREFIX, points: window.points, duration: window.seconds + 1 };
    const { RateLimiterMemory: Memory, RateLimiterRedis: Shared } = rateLimiterFlexible();
    this.memory = new Memory(limits);
    this.limiter = options.redis ? new Shared({ ...limits, storeClient: options.redis }) : this.memory;
  }

  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (this.closed || signal?.aborted) throw aborted();
      const start = this.windowStart(this.now());
      this.firstWindowEnd ??= start + this.windowMs;
      const granted = await this.consume(`${this.keyBase}:${start / 1000}`);
      const end = start + this.windowMs;
      const guard = end === this.firstWindowEnd ? this.firstWindowGuardMs : this.guardMs;
      // A slot granted in the window's last moments would reach IPQS in the next second, on top of that
      // second's full allowance: such a slot (like one of a window that ended while Redis answered) is not
      // used, and the request takes one in the next window instead.
      if (granted && this.now() < end - guard) return;
      if (granted) {
        const rest = end - this.now();
        if (rest > 0) await this.pause(rest, signal);
        continue;
      }
      const waitMs = end - this.now();
      if (waitMs > 0) await this.pause(waitMs, signal);
    }
  }

  close(): Promise<void> {
    this.closed = true;
    for (const wait of this.waits) wait.abort();
    return Promise.resolve();
  }

  /** Sleeps until the caller's signal or close() stops it (a controller per wait: no listener piles up). */
  private async pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
    if (this.closed || signal?.aborted) throw aborted();
    const wait = new AbortController();
    const stop = (): void => wait.abort();
    signal?.addEventListener('abort', stop, { once: true });
    this.waits.add(wait);
    try {
      await this.sleep(ms, wait.signal);
    } finally {
      signal?.removeEventListener('abort', stop);
      this.waits.delete(wait);
    }
  }

  private windowStart(ms: number): number {
    return ms - (((ms % this.windowMs) + this.windowMs) % this.windowMs);
  }

  /** True when the window had a slot left; a broken Redis switches this process to the memory limit. */
  private async consume(key: string): Promise<boolean> {
    const limiter = this.limiter;
    try {
      await limiter.consume(key, 1);
      return true;
    } catch (error) {
      if (error instanceof rateLimiterFlexible().RateLimiterRes) return false;
      if (limiter === this.memory) throw error;
      // A limiter that broke must not fail lookups: the rest of the run is limited per process. Concurrent
      // acquisitions fail together, and only the first one logs.
      if (this.limiter !== this.memory) {
        this.log.warning('rate-limit-fallback', { store: 'memory', error: errorMessage(error) });
        this.limiter = this.memory;
      }
      return this.consume(key);
    }
  }
}
