// Every path of node dist/main.js (and of the lookup CLI) run with known secrets (the IPQS key, the TC
// token and API secret, the Redis password, a KEYCHAIN value): none of them may reach any file the run
// leaves (rotated, gzipped logs included), message.tc, stdout, stderr, or any key or value of the
// playbook and cache Redis databases, in any form (see test/helpers/secret-sweep.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type Redis from 'ioredis';
import { startSimulator } from '../../src/simulator';
import type { Simulator } from '../../src/simulator';
import { INTERRUPT_MESSAGE } from '../../src/tc/signals';
import { connectedRedis, freePort, startRedisServer } from '../helpers/redis-server';
import type { RedisServer } from '../helpers/redis-server';
import { runNode } from '../helpers/run-main';
import type { RunNodeResult } from '../helpers/run-main';
import { canaryForms, filesUnder, findCanaries, redisContents } from '../helpers/secret-sweep';
import { platformParams, runMain, tcRunDirs, whenRequests } from '../helpers/tc-run';
import type { TcRunDirs } from '../helpers/tc-run';
import { runMainSignalled } from '../helpers/tc-run-signal';

const CANARY = {
  ipqsKey: 'canaryIPQSkey7f3a9d2e1b4c',
  tcToken: 'APIV2:42:canaryTcToken5e8d1f',
  apiSecret: 'canaryApiSecret9b7c5a3e1d',
  kvPassword: 'canaryKvPassword2c4e6a8b0d',
  keychain: 'canaryKeychainValue3d5f7b9a1c',
};
const CACHE_DB = 10;
const CLI_JS = path.resolve(__dirname, '../../dist/cli.js');
const OUTPUTS = ['count!String', 'indicator!StringArray', 'error!StringArray', 'json.raw!StringArray'];

let server: RedisServer;
let playbookDb: Redis;
let cacheDb: Redis;
let tcApi: http.Server;
let tcApiPath: string;
let simulator: Simulator;

beforeAll(async () => {
  // a server of its own: the sweep reads every key of both databases, and the password is a canary
  server = await startRedisServer(['--requirepass', CANARY.kvPassword]);
  playbookDb = await connectedRedis(server, { password: CANARY.kvPassword, db: 0 });
  cacheDb = await connectedRedis(server, { password: CANARY.kvPassword, db: CACHE_DB });
  simulator = await startSimulator();
  // a TC API that resolves one KEYCHAIN variable and refuses every other
  tcApi = http.createServer((request, response) => {
    if (request.url === '/api/internal/variable/runtime/TC/ipqs_key') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ data: CANARY.keychain }));
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => tcApi.listen(0, '127.0.0.1', resolve));
  tcApiPath = `http://127.0.0.1:${(tcApi.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
  await Promise.all([playbookDb.quit(), cacheDb.quit()]);
  await server.stop();
  await new Promise((resolve) => tcApi.close(resolve));
  await simulator.close();
});

function base(dirs: TcRunDirs): Record<string, unknown> {
  return {
    ...platformParams(
      dirs,
      OUTPUTS.map((output) => `#App:9876:ipqs.${output}`),
    ),
    tc_kvstore_port: server.port,
    tc_kvstore_pass: CANARY.kvPassword,
    tc_api_path: tcApiPath,
    tc_token: CANARY.tcToken,
    tc_api_access_id: 'access-id',
    tc_api_secret_key: CANARY.apiSecret,
    tc_log_level: 'trace',
    // small log files: the sweep must read rotated, gzipped ones too
    tc_log_max_bytes: '2048',
    tc_log_backup_count: '20',
    ipqs_base_url: simulator.url,
    ipqs_api_key: CANARY.ipqsKey,
    max_retries: '1',
    // the shared rate limit's counters live in the cache db
    max_requests_per_second: '50',
    // every path makes its requests: an answer cached by an earlier path would hide them
    cache_ttl_minutes: '0',
  };
}

/** What one path left behind: its exit, the folders it wrote to, and its other texts by place. */
interface Swept {
  readonly code: number | null;
  readonly roots: readonly string[];
  readonly texts: Readonly<Record<string, string>>;
}

function outputsOf(result: RunNodeResult, messageTc?: string): Record<string, string> {
  return { stdout: result.stdout, stderr: result.stderr, 'message.tc': messageTc ?? '' };
}

/** dist/main.js with `params`; every run must have logged its exit. */
async function mainRun(params: (dirs: TcRunDirs) => Record<string, unknown>): Promise<Swept> {
  const dirs = tcRunDirs();
  const result = await runMain(dirs, params(dirs));
  expect(result.logText).toContain('event=exit-code');
  return { code: result.code, roots: [dirs.root], texts: outputsOf(result, result.messageTc) };
}

/** `node dist/cli.js lookup` against the simulator with the key in IPQS_API_KEY, in a folder of its own. */
async function lookupRun(values: readonly string[]): Promise<Swept> {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'ipqs-sweep-cli-'));
  const result = await runNode(CLI_JS, {
    cwd,
    args: ['lookup', '--base-url', simulator.url, '--verbose', '--format', 'json', ...values],
    env: { IPQS_API_KEY: CANARY.ipqsKey },
  });
  return { code: result.code, roots: [cwd], texts: outputsOf(result) };
}

/** A run SIGTERMed once IPQS (a simulator that never answers in time) has its first request. */
async function interruptedRun(): Promise<Swept> {
  const slow = await startSimulator({ latencyMs: 60_000 });
  try {
    const dirs = tcRunDirs();
    const params = { ...base(dirs), ipqs_base_url: slow.url, indicators: '8.8.8.8\nscore-5@example.com' };
    const result = await runMainSignalled(dirs, params, (exited) => whenRequests(slow, 1, exited));
    expect(result.messageTc).toBe(`${INTERRUPT_MESSAGE}\n`);
    return { code: result.code, roots: [dirs.root], texts: outputsOf(result, result.messageTc) };
  } finally {
    await slow.close();
  }
}

/** Two identical runs with the cache on: the second is answered from the cache db, without a request. */
async function cachedRerun(): Promise<Swept> {
  const params = (dirs: TcRunDirs): Record<string, unknown> => ({
    ...base(dirs),
    indicators: '198.51.100.77\nscore-12@example.com\nrisk-30.example',
    cache_ttl_minutes: '60',
  });
  const first = await mainRun(params);
  const requests = simulator.stats().requests.total;
  const second = await mainRun(params);
  expect(simulator.stats().requests.total).toBe(requests);
  const texts = Object.fromEntries([
    ...Object.entries(first.texts).map(([place, text]) => [`first run ${place}`, text]),
    ...Object.entries(second.texts).map(([place, text]) => [`second run ${place}`, text]),
  ]);
  return { code: second.code, roots: [...first.roots, ...second.roots], texts };
}

const PATHS: ReadonlyArray<readonly [string, () => Promise<Swept>, number]> = [
  [
    'a successful run',
    () => mainRun((dirs) => ({ ...base(dirs), indicators: '8.8.8.8\nscore-90@example.com' })),
    0,
  ],
  ['a second run answered from the shared cache', cachedRerun, 0],
  [
    'a run IPQS stops with an invalid key',
    () => mainRun((dirs) => ({ ...base(dirs), indicators: '192.0.2.1\n8.8.8.8' })),
    1,
  ],
  [
    'IPQS server errors (500, 502, a reset), retried',
    () => mainRun((dirs) => ({ ...base(dirs), indicators: '192.0.2.7\n192.0.2.8\n192.0.2.10' })),
    1,
  ],
  [
    'IPQS unreachable',
    () =>
      mainRun((dirs) => ({
        ...base(dirs),
        ipqs_base_url: 'http://127.0.0.1:1/api/json',
        indicators: '8.8.8.8',
      })),
    1,
  ],
  ['a run interrupted by SIGTERM mid-batch', interruptedRun, 1],
  [
    'invalid params',
    () => mainRun((dirs) => ({ ...base(dirs), indicators: '8.8.8.8', ip_strictness: '7' })),
    1,
  ],
  [
    'an API key pasted into another param',
    () => mainRun((dirs) => ({ ...base(dirs), indicators: '8.8.8.8', url_timeout: CANARY.ipqsKey })),
    1,
  ],
  [
    'an unreachable Redis with a password',
    async () => {
      const port = await freePort();
      return mainRun((dirs) => ({ ...base(dirs), tc_kvstore_port: port, indicators: '8.8.8.8' }));
    },
    1,
  ],
  [
    'a wrong Redis password',
    () =>
      mainRun((dirs) => ({
        ...base(dirs),
        tc_kvstore_pass: `${CANARY.kvPassword}-wrong`,
        indicators: '8.8.8.8',
      })),
    1,
  ],
  [
    'a Redis user the server does not know',
    () => mainRun((dirs) => ({ ...base(dirs), tc_kvstore_user: 'nobody', indicators: '8.8.8.8' })),
    1,
  ],
  [
    'a KEYCHAIN key resolved through the TC API',
    () =>
      mainRun((dirs) => ({ ...base(dirs), ipqs_api_key: '&{TC:KEYCHAIN:ipqs_key}', indicators: '8.8.8.8' })),
    0,
  ],
  [
    'a KEYCHAIN key resolved through the TC API, then bad input',
    () =>
      mainRun((dirs) => ({
        ...base(dirs),
        ipqs_api_key: '&{TC:KEYCHAIN:ipqs_key}',
        indicators: '8.8.8.8',
        email_timeout: '0',
      })),
    1,
  ],
  [
    'a KEYCHAIN variable the TC API does not know',
    () =>
      mainRun((dirs) => ({ ...base(dirs), ipqs_api_key: '&{TC:KEYCHAIN:missing}', indicators: '8.8.8.8' })),
    1,
  ],
  [
    'a playbook variable holding the key that is not in the KV store',
    () =>
      mainRun((dirs) => ({
        ...base(dirs),
        ipqs_api_key: '#App:1:missing.key!String',
        indicators: CANARY.ipqsKey,
      })),
    1,
  ],
  ['a lookup CLI run', () => lookupRun(['8.8.8.8', 'score-90@example.com', 'risk-40.example']), 0],
  ['a lookup CLI run with an invalid key and server errors', () => lookupRun(['192.0.2.7', '192.0.2.1']), 1],
];

/** What was swept: the test after the paths checks rotated logs and each kind of Redis key were among it. */
const swept = { paths: 0, gzipped: 0, redisKeys: new Set<string>() };

describe('secrets on every path', () => {
  it.each(PATHS)('leaves no secret anywhere after %s', async (_case, run, code) => {
    const result = await run();
    expect(result.code).toBe(code);

    const files = Object.assign({}, ...result.roots.map((root) => filesUnder(root))) as Record<
      string,
      string
    >;
    const redis = { ...(await redisContents(playbookDb, 0)), ...(await redisContents(cacheDb, CACHE_DB)) };
    swept.paths += 1;
    swept.gzipped += Object.keys(files).filter((file) => file.endsWith('.gz')).length;
    for (const place of Object.keys(redis)) swept.redisKeys.add(place);
    expect(findCanaries(CANARY, { ...result.texts, ...files, ...redis })).toEqual([]);
  });

  it('swept every path, rotated gzipped logs and both Redis databases included', () => {
    expect(swept.paths).toBe(PATHS.length);
    expect(swept.gzipped).toBeGreaterThan(0);
    // the playbook contexts (db 0), the cache entries and the rate-limit counters (db 10)
    const kinds = new Set(
      [...swept.redisKeys].map((place) => /^redis db \d+ key (test-main|ipqs-tc:\w+)/.exec(place)?.[1]),
    );
    expect([...kinds].sort()).toEqual(['ipqs-tc:cache', 'ipqs-tc:rl', 'test-main']);
  });

  it('masks the API key where it was pasted into another input', async () => {
    const dirs = tcRunDirs();
    const result = await runMain(dirs, { ...base(dirs), indicators: '8.8.8.8', url_timeout: CANARY.ipqsKey });
    expect(result.messageTc).toContain('url_timeout: ');
    expect(result.messageTc).toContain('***');
  });
});

describe('the sweep itself', () => {
  it('finds a canary in each of its forms, in a gzipped file and in a Redis hash', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ipqs-sweep-self-'));
    const forms = canaryForms(CANARY.tcToken);
    writeFileSync(path.join(dir, 'app.log.1.gz'), gzipSync(`token=${forms['percent-encoded']}`));
    writeFileSync(path.join(dir, 'app.log'), `{"token":"${forms['JSON-escaped']}"}`);
    const key = `sweep-self-test:${process.pid}`;
    await cacheDb.hset(key, 'auth', `Basic x${forms.base64}`, 'form', forms['form-encoded']);
    try {
      const hits = findCanaries(
        { tcToken: CANARY.tcToken },
        { ...filesUnder(dir), ...(await redisContents(cacheDb, CACHE_DB)) },
      );
      expect(hits).toEqual(
        expect.arrayContaining([
          { canary: 'tcToken', form: 'percent-encoded', place: path.join(dir, 'app.log.1.gz') },
          { canary: 'tcToken', form: 'JSON-escaped', place: path.join(dir, 'app.log') },
          { canary: 'tcToken', form: 'base64', place: `redis db ${CACHE_DB} key ${key}` },
          { canary: 'tcToken', form: 'form-encoded', place: `redis db ${CACHE_DB} key ${key}` },
        ]),
      );
    } finally {
      await cacheDb.del(key);
    }
  });
});
