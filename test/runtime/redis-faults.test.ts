// Redis going wrong around node dist/main.js: unreachable at start, a refused login, and lost (or
// restarted) in the middle of a batch. The run never hangs, never shows the password, keeps looking up
// while the shared cache and rate limit are gone, and names every output it could not write.
import type Redis from 'ioredis';
import { startSimulator } from '../../src/simulator';
import type { Simulator } from '../../src/simulator';
import { deserializeValue } from '../../src/tc/playbook/serialize';
import { connectedRedis, freePort, startRedisServer } from '../helpers/redis-server';
import type { RedisServer } from '../helpers/redis-server';
import { platformParams, runMain, tcRunDirs, whenRequests } from '../helpers/tc-run';
import type { TcRunDirs, TcRunResult } from '../helpers/tc-run';

const PASSWORD = 'canaryRedisFaultPw7e31c9';
// in the order the pipeline stages them
const OUTPUTS = [
  '#App:1:ipqs.count!String',
  '#App:1:ipqs.indicator!StringArray',
  '#App:1:ipqs.verdict!StringArray',
];

/** A run against the Redis on `port` and the simulator, with the shared cache and rate limit on. */
function runParams(dirs: TcRunDirs, port: number, simulator: Simulator): Record<string, unknown> {
  return {
    ...platformParams(dirs, OUTPUTS),
    tc_kvstore_port: port,
    ipqs_api_key: 'redis-faults-key-5d2a',
    ipqs_base_url: simulator.url,
    indicators: '8.8.8.8',
    cache_ttl_minutes: '60',
    max_requests_per_second: '100',
  };
}

/** Every place a run leaves text: the password must be in none of them. */
function expectNoPassword(result: TcRunResult): void {
  for (const text of [result.messageTc ?? '', result.logText, result.stdout, result.stderr]) {
    expect(text).not.toContain(PASSWORD);
  }
}

describe('Redis unusable at start', () => {
  let simulator: Simulator;
  let server: RedisServer;
  beforeAll(async () => {
    simulator = await startSimulator();
    server = await startRedisServer(['--requirepass', PASSWORD]);
  });
  afterAll(async () => {
    await simulator.close();
    await server.stop();
  });
  beforeEach(() => simulator.resetStats());

  it('exits 1 before any lookup, naming the KV store, its host:port and the reason, when nothing listens', async () => {
    const port = await freePort();
    const dirs = tcRunDirs();

    const result = await runMain(dirs, runParams(dirs, port, simulator));

    const message = `KV store: Redis at 127.0.0.1:${port} is unreachable (ECONNREFUSED)`;
    expect(result.code).toBe(1);
    expect(result.messageTc).toBe(`${message}\n`);
    expect(result.stderr).toBe(`${message}\n`);
    expect(result.logText).toContain(`ERROR - event=app-failed error="${message}"`);
    expect(result.logText).toContain('event=exit-code code=1');
    expect(simulator.stats().requests.total).toBe(0);
  });

  it.each([
    [
      'a wrong password',
      { tc_kvstore_pass: 'not-the-password' },
      'WRONGPASS invalid username-password pair or user is disabled.',
    ],
    ['no password where one is required', {}, 'NOAUTH Authentication required.'],
    [
      'a user the server does not know',
      { tc_kvstore_user: 'nobody', tc_kvstore_pass: PASSWORD },
      'WRONGPASS invalid username-password pair or user is disabled.',
    ],
  ])('exits 1 before any lookup on %s, saying the login was refused', async (_case, login, reason) => {
    const dirs = tcRunDirs();

    const result = await runMain(dirs, { ...runParams(dirs, server.port, simulator), ...login });

    const message = `KV store: Redis at 127.0.0.1:${server.port} rejected the credentials (${reason})`;
    expect(result.code).toBe(1);
    expect(result.messageTc).toBe(`${message}\n`);
    expect(result.logText).toContain(`ERROR - event=app-failed error="${message}"`);
    expect(simulator.stats().requests.total).toBe(0);
    expectNoPassword(result);
  });
});

describe('Redis lost during a run', () => {
  const values = (count: number): string[] => Array.from({ length: count }, (_, i) => `198.51.100.${i + 1}`);
  let simulator: Simulator;
  const servers: RedisServer[] = [];
  beforeEach(async () => {
    // slow answers two at a time: the run is mid-batch for seconds
    simulator = await startSimulator({ latencyMs: 200 });
  });
  afterEach(async () => {
    await simulator.close();
    await Promise.all(servers.splice(0).map((server) => server.stop()));
  });

  async function redisServer(port?: number): Promise<RedisServer> {
    const server = await startRedisServer(['--requirepass', PASSWORD], port);
    servers.push(server);
    return server;
  }

  function faultRun(
    dirs: TcRunDirs,
    server: RedisServer,
    indicators: readonly string[],
  ): Record<string, unknown> {
    return {
      ...runParams(dirs, server.port, simulator),
      tc_kvstore_pass: PASSWORD,
      indicators: indicators.join('\n'),
      max_concurrency: '2',
    };
  }

  it('looks every indicator up without the shared cache and rate limit, then exits 1 naming each output not written', async () => {
    const server = await redisServer();
    const dirs = tcRunDirs();
    const running = runMain(dirs, faultRun(dirs, server, values(20)));
    const killed = whenRequests(simulator, 4, running).then(() => server.stop());

    const result = await running;
    await killed;

    expect(result.code).toBe(1);
    expect(simulator.stats().requests.total).toBe(20);
    expect(result.logText).toContain('WARNING - event=cache-unavailable');
    expect(result.logText).toContain('WARNING - event=rate-limit-fallback store=memory');
    expect(result.logText).toContain('event=batch-done indicators=20 enriched=20 failed=0');
    const reason = `Redis at 127.0.0.1:${server.port} is unreachable (ECONNREFUSED)`;
    expect(result.messageTc).toBe(
      `IPQS: 20 indicators, 20 enriched, 0 failed, 0 high risk. Outputs could not be written (${reason}): ${OUTPUTS.join(', ')}\n`,
    );
    expect(result.logText).toMatch(
      new RegExp(
        `ERROR - event=outputs-not-written error=".*${escape(reason)}.*" count=3 outputs=${escape(OUTPUTS.join(','))}`,
      ),
    );
    expectNoPassword(result);
  });

  it.each([
    ['fail_on_error on', 'true', 1],
    ['fail_on_error off', 'false', 0],
  ])(
    'writes every output to a Redis restarted before the exit, exiting by the batch (%s)',
    async (_case, failOnError, code) => {
      const first = await redisServer();
      const dirs = tcRunDirs();
      // one indicator IPQS refuses: whether it fails the run is up to fail_on_error
      const indicators = ['192.0.2.4', ...values(29)];
      const running = runMain(dirs, { ...faultRun(dirs, first, indicators), fail_on_error: failOnError });
      // down after 4 lookups, back (empty, same port) after 20: ioredis has long given up by then
      const restarted = whenRequests(simulator, 4, running)
        .then(() => first.stop())
        .then(() => whenRequests(simulator, 20, running))
        .then(() => redisServer(first.port));

      const result = await running;
      const second = await restarted;

      expect(result.code).toBe(code);
      expect(simulator.stats().requests.total).toBe(30);
      expect(result.logText).toContain('WARNING - event=cache-unavailable');
      expect(result.logText).toContain('event=outputs-written count=3');
      expect(result.logText).not.toContain('outputs-not-written');
      expect(result.messageTc).toMatch(
        /^IPQS: 30 indicators, 29 enriched, 1 failed, 0 high risk\. First error: 192\.0\.2\.4: /,
      );
      const stored = await readContext(second, dirs.context);
      expect(stored['#App:1:ipqs.count!String']).toBe('30');
      expect(stored['#App:1:ipqs.indicator!StringArray']).toEqual(indicators);
      expect(stored['#App:1:ipqs.verdict!StringArray']).toEqual([null, ...values(29).map(() => 'CLEAN')]);
      expectNoPassword(result);
    },
  );
});

/** The playbook context hash of `server`, each field deserialized by its variable type. */
async function readContext(server: RedisServer, context: string): Promise<Record<string, unknown>> {
  const redis: Redis = await connectedRedis(server, { password: PASSWORD });
  try {
    const hash = await redis.hgetall(context);
    return Object.fromEntries(
      Object.entries(hash).map(([variable, raw]) => [
        variable,
        deserializeValue(variable.split('!')[1] ?? '', raw, variable),
      ]),
    );
  } finally {
    await redis.quit();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
