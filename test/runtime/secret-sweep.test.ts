// Every error path of node dist/main.js run with known secrets (the IPQS key, the TC token and API secret,
// the KV-store password, a KEYCHAIN value): none of them may reach the log files, message.tc, stdout,
// stderr or the KV store.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type Redis from 'ioredis';
import { startSimulator } from '../../src/simulator';
import type { Simulator } from '../../src/simulator';
import { testRedis } from '../helpers/redis';
import { platformParams, runMain, tcRunDirs } from '../helpers/tc-run';
import type { TcRunDirs, TcRunResult } from '../helpers/tc-run';

const CANARY = {
  ipqsKey: 'canaryIPQSkey7f3a9d2e1b4c',
  tcToken: 'APIV2:42:canaryTcToken5e8d1f',
  apiSecret: 'canaryApiSecret9b7c5a3e1d',
  kvPassword: 'canaryKvPassword2c4e6a8b0d',
  keychain: 'canaryKeychainValue3d5f7b9a1c',
};

let redis: Redis;
let tcApi: http.Server;
let tcApiPath: string;
let simulator: Simulator;

beforeAll(async () => {
  redis = testRedis();
  simulator = await startSimulator();
  await redis.call('ACL', 'SETUSER', 'sweep-user', 'on', `>${CANARY.kvPassword}`, '~*', '+@all');
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
  await redis.call('ACL', 'DELUSER', 'sweep-user');
  await redis.quit();
  await new Promise((resolve) => tcApi.close(resolve));
  await simulator.close();
});

function base(dirs: TcRunDirs): Record<string, unknown> {
  return {
    ...platformParams(dirs, ['#App:9876:ipqs.count!String', '#App:9876:ipqs.indicator!StringArray']),
    tc_api_path: tcApiPath,
    tc_token: CANARY.tcToken,
    tc_api_access_id: 'access-id',
    tc_api_secret_key: CANARY.apiSecret,
    tc_log_level: 'trace',
    ipqs_base_url: simulator.url,
    max_retries: '1',
    // every path makes its requests: an answer cached by an earlier path would hide them
    cache_ttl_minutes: '0',
  };
}

const PATHS: ReadonlyArray<readonly [string, (dirs: TcRunDirs) => Record<string, unknown>, number]> = [
  [
    'a successful run',
    (dirs) => ({ ...base(dirs), ipqs_api_key: CANARY.ipqsKey, indicators: '8.8.8.8\nscore-90@example.com' }),
    0,
  ],
  [
    'IPQS refusing the key',
    (dirs) => ({ ...base(dirs), ipqs_api_key: CANARY.ipqsKey, indicators: '192.0.2.1\n8.8.8.8' }),
    1,
  ],
  [
    'IPQS server errors, retried',
    (dirs) => ({
      ...base(dirs),
      ipqs_api_key: CANARY.ipqsKey,
      indicators: '192.0.2.7\n192.0.2.8\n192.0.2.10',
    }),
    1,
  ],
  [
    'IPQS unreachable',
    (dirs) => ({
      ...base(dirs),
      ipqs_base_url: 'http://127.0.0.1:1/api/json',
      ipqs_api_key: CANARY.ipqsKey,
      indicators: '8.8.8.8',
    }),
    1,
  ],
  [
    'invalid params',
    (dirs) => ({ ...base(dirs), ipqs_api_key: CANARY.ipqsKey, indicators: '8.8.8.8', ip_strictness: '7' }),
    1,
  ],
  [
    'an API key pasted into another param',
    (dirs) => ({
      ...base(dirs),
      ipqs_api_key: CANARY.ipqsKey,
      indicators: '8.8.8.8',
      url_timeout: CANARY.ipqsKey,
    }),
    1,
  ],
  [
    'an unreachable Redis with a password',
    (dirs) => ({
      ...base(dirs),
      tc_kvstore_port: 1,
      tc_kvstore_user: 'sweep-user',
      tc_kvstore_pass: CANARY.kvPassword,
      ipqs_api_key: CANARY.ipqsKey,
      indicators: '8.8.8.8',
    }),
    1,
  ],
  [
    'a wrong Redis password',
    (dirs) => ({
      ...base(dirs),
      tc_kvstore_user: 'sweep-user',
      tc_kvstore_pass: `${CANARY.kvPassword}-wrong`,
      ipqs_api_key: CANARY.ipqsKey,
      indicators: '8.8.8.8',
    }),
    1,
  ],
  [
    'a KEYCHAIN key resolved through the TC API',
    (dirs) => ({ ...base(dirs), ipqs_api_key: '&{TC:KEYCHAIN:ipqs_key}', indicators: '8.8.8.8' }),
    0,
  ],
  [
    'a KEYCHAIN key resolved through the TC API, then bad input',
    (dirs) => ({
      ...base(dirs),
      ipqs_api_key: '&{TC:KEYCHAIN:ipqs_key}',
      indicators: '8.8.8.8',
      email_timeout: '0',
    }),
    1,
  ],
  [
    'a KEYCHAIN variable the TC API does not know',
    (dirs) => ({ ...base(dirs), ipqs_api_key: '&{TC:KEYCHAIN:missing}', indicators: '8.8.8.8' }),
    1,
  ],
  [
    'a playbook variable holding the key that is not in the KV store',
    (dirs) => ({ ...base(dirs), ipqs_api_key: '#App:1:missing.key!String', indicators: CANARY.ipqsKey }),
    1,
  ],
];

function expectNoSecret(result: TcRunResult, stored: Record<string, string>): void {
  const places = {
    log: result.logText,
    'message.tc': result.messageTc ?? '',
    stdout: result.stdout,
    stderr: result.stderr,
    kvstore: JSON.stringify(stored),
  };
  for (const [place, text] of Object.entries(places)) {
    for (const [name, secret] of Object.entries(CANARY)) {
      if (text.includes(secret)) throw new Error(`${name} leaked into ${place}`);
    }
  }
}

describe('secrets on every path', () => {
  it.each(PATHS)('leaves no secret anywhere after %s', async (_case, params, code) => {
    const dirs = tcRunDirs();
    const result = await runMain(dirs, params(dirs));
    expect(result.code).toBe(code);
    expect(result.logText).toContain('event=exit-code');
    expectNoSecret(result, await redis.hgetall(dirs.context));
  });

  it('masks the API key where it was pasted into another input', async () => {
    const dirs = tcRunDirs();
    const result = await runMain(dirs, {
      ...base(dirs),
      ipqs_api_key: CANARY.ipqsKey,
      indicators: '8.8.8.8',
      url_timeout: CANARY.ipqsKey,
    });
    expect(result.messageTc).toContain('url_timeout: ');
    expect(result.messageTc).toContain('***');
  });
});
