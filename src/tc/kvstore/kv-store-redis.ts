/**
 * The Redis KV store (tcex `KeyValueRedis`): one hash per playbook context, `HGET ctx field` to read and
 * a single `HSET ctx f1 v1 f2 v2 ...` to write. The connection is verified up front so a wrong host or
 * password fails at startup with a clear `KvStoreError`, not on the first output write. Every command is
 * bounded: a lost server is retried a few times, then commands fail instead of waiting (see
 * `redisClientOptions`), and the exit flush tries one fresh connection before giving up.
 */
import { readFileSync } from 'node:fs';
import Redis from 'ioredis';
import type { RedisOptions } from 'ioredis';
import { KvStoreError, errorMessage } from '../../errors';
import { KvStoreOperationError } from './kv-store';
import type { KvStore } from './kv-store';

/** Where the Redis KV store is and how to log in (the `tc_kvstore_*` params). */
export interface RedisKvOptions {
  readonly context: string;
  readonly host: string;
  readonly port: number;
  readonly user?: string;
  readonly password?: string;
  readonly db?: number;
  readonly tlsEnabled?: boolean;
  readonly tlsPort?: number;
  readonly caFile?: string;
  readonly certFile?: string;
  readonly keyFile?: string;
  readonly connectTimeoutMs?: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
/** A command (queued while reconnecting, or sent to a server that stopped answering) fails after this. */
export const COMMAND_TIMEOUT_MS = 15_000;
const MAX_RECONNECTS = 3;
const CREDENTIAL_ERROR = /^(WRONGPASS|NOAUTH|NOPERM)|invalid (password|username)/i;

/** The ioredis options for `options`: TLS material is read from the broker cert files here. */
export function redisClientOptions(options: RedisKvOptions): RedisOptions {
  return {
    host: options.host,
    port: options.tlsEnabled ? (options.tlsPort ?? options.port) : options.port,
    db: options.db ?? 0,
    username: options.user || undefined,
    password: options.password || undefined,
    tls: options.tlsEnabled
      ? {
          ca: readTlsFile('CA', options.caFile),
          cert: readTlsFile('certificate', options.certFile),
          key: readTlsFile('key', options.keyFile),
          rejectUnauthorized: true,
        }
      : undefined,
    lazyConnect: true,
    // connectVerified PINGs the server itself: ioredis's own ready check (an INFO) is one more round trip,
    // and its CLIENT SETINFO two more, after reading its package.json with fs/promises (which Node loads,
    // with readline, for that alone)
    enableReadyCheck: false,
    disableClientInfo: true,
    connectTimeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    // A short-lived app: a few reconnects ride out a blip (commands wait for them in the offline queue),
    // then the client ends and every queued and later command fails at once instead of hanging. A server
    // that keeps the connection but stops answering is bounded by the command timeout.
    enableOfflineQueue: true,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => (times > MAX_RECONNECTS ? null : times * 100),
    commandTimeout: COMMAND_TIMEOUT_MS,
  };
}

function readTlsFile(label: string, file: string | undefined): Buffer | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? errorMessage(error);
    throw new KvStoreError(`KV store: cannot read the Redis TLS ${label} file ${file} (${code})`);
  }
}

/** A `KvStore` on one Redis hash. */
export class RedisKvStore implements KvStore {
  readonly kind = 'Redis';
  private closed = false;
  /** The last connection error ioredis reported: why a lost server is lost. */
  private lastError: unknown;

  private constructor(
    private readonly client: Redis,
    private readonly context: string,
    private readonly where: string,
    private readonly scrub: (text: string) => string,
  ) {
    client.on('error', (error: unknown) => {
      this.lastError = error;
    });
  }

  /** Connects and PINGs; an unreachable server or rejected login is a `KvStoreError`. */
  static async connect(options: RedisKvOptions): Promise<RedisKvStore> {
    const clientOptions = redisClientOptions(options);
    const where = `Redis at ${clientOptions.host}:${clientOptions.port}`;
    const client = await connectVerified(clientOptions, where, options.password);
    return new RedisKvStore(client, options.context, where, scrubber(options.password));
  }

  async read(key: string): Promise<string | null> {
    try {
      return await this.client.hget(this.context, key);
    } catch (error) {
      throw this.failure(`Redis HGET ${key}`, error);
    }
  }

  async write(entries: ReadonlyArray<readonly [string, string]>): Promise<void> {
    if (entries.length === 0) return;
    try {
      await this.reconnectIfLost();
      await this.client.hset(this.context, ...entries.flat());
    } catch (error) {
      throw this.failure(`Redis HSET ${describeKeys(entries)}`, error);
    }
  }

  /**
   * The outputs are written once, at exit, possibly long after ioredis gave up on a server that went away:
   * one fresh connection attempt lets a Redis that came back (restarted) still receive them.
   */
  private async reconnectIfLost(): Promise<void> {
    if (this.closed || this.client.status !== 'end') return;
    await this.client.connect();
  }

  /**
   * The error of a failed `operation`, with the reason alone beside the message (message.tc shows it next
   * to the outputs not written). Once the server is lost ioredis only says "Connection is closed.": the
   * last connection error says why.
   */
  private failure(operation: string, error: unknown): KvStoreOperationError {
    const lost = !this.closed && this.client.status !== 'ready' && this.lastError !== undefined;
    const reason = this.scrub(
      lost ? `${this.where} is unreachable (${redisReason(this.lastError)})` : redisReason(error),
    );
    return new KvStoreOperationError(
      `KV store: ${operation} in context ${this.context} failed (${reason})`,
      reason,
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await closeRedis(this.client);
  }
}

/**
 * A connected, PINGed ioredis client; an unreachable server or a rejected login is a `KvStoreError`
 * naming `where` (never the password). Shared by the playbook store and the cache.
 */
export async function connectVerified(
  clientOptions: RedisOptions,
  where: string,
  password: string | undefined,
): Promise<Redis> {
  const client = new Redis(clientOptions);
  // ioredis reports the real cause only as an 'error' event (connect() rejects with "Connection is
  // closed."); the listener stays for the client's life so a later outage is not printed as an unhandled
  // error event (the callers report their own failures).
  let lastError: unknown;
  client.on('error', (error: unknown) => {
    lastError = error;
  });
  try {
    await client.connect();
    await client.ping();
    // a rejected AUTH is answered before the PING but only reported as an 'error' event: the PING itself
    // may succeed as the server's default user
    if (lastError !== undefined && CREDENTIAL_ERROR.test(redisReason(lastError))) {
      throw new Error('the login was rejected');
    }
  } catch (error) {
    // Without this ioredis keeps reconnecting (and re-sending a rejected AUTH) in the background.
    client.disconnect();
    const reason = scrubber(password)(redisReason(lastError ?? error));
    if (CREDENTIAL_ERROR.test(reason)) {
      throw new KvStoreError(`KV store: ${where} rejected the credentials (${reason})`);
    }
    throw new KvStoreError(`KV store: ${where} is unreachable (${reason})`);
  }
  return client;
}

/** Quits a client; one that is down (reconnecting) is dropped rather than waited for. */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}

/** The written keys for an error message: the first few and how many more. */
export function describeKeys(entries: ReadonlyArray<readonly [string, string]>): string {
  const shown = entries.slice(0, 3).map(([key]) => key);
  const more = entries.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/** The error code (ECONNREFUSED) when there is one, else the server's reply on one line. */
function redisReason(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.length > 0 ? code : errorMessage(error);
}

/** Belt and braces: no Redis message should hold the password, but never let one through. */
function scrubber(password: string | undefined): (text: string) => string {
  if (!password) return (text) => text;
  return (text) => text.split(password).join('***');
}
