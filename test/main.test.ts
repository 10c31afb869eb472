// node dist/main.js run as ThreatConnect runs it: an encrypted param file, a real redis-server holding the
// playbook context, message.tc in tc_out_path and the exit code.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type Redis from 'ioredis';
import { pythonJsonDumps, randomKey, writeEncryptedParams } from './helpers/param-file';
import { testRedis } from './helpers/redis';
import { runNode } from './helpers/run-main';
import { MAIN_JS, platformParams, readMessageTc, runMain, tcRunDirs } from './helpers/tc-run';

const API_KEY = 'canaryIpqsKey0123456789abcdefABCDEF';
const OUT = [
  '#App:9876:ipqs.count!String',
  '#App:9876:ipqs.indicator!StringArray',
  '#App:9876:ipqs.indicator!String',
];

let redis: Redis;
beforeAll(() => {
  redis = testRedis();
});
afterAll(async () => {
  await redis.quit();
});

describe('node dist/main.js', () => {
  it.each([16, 24, 32] as const)(
    'loads a param file encrypted with a %i-character key, deletes it, and writes outputs and message.tc',
    async (keyLength) => {
      const dirs = tcRunDirs();
      await redis.hset(
        dirs.context,
        '#App:1:upstream.ips!StringArray',
        pythonJsonDumps(['8.8.8.8', 'a@b.example']),
      );
      const result = await runMain(
        dirs,
        {
          ...platformParams(dirs, OUT),
          ipqs_api_key: API_KEY,
          indicators: '#App:1:upstream.ips!StringArray',
        },
        { keyLength },
      );

      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(existsSync(result.paramFile)).toBe(false);
      expect(result.messageTc).toBe('IPQS: 2 indicators read\n');
      expect(await redis.hget(dirs.context, '#App:9876:ipqs.count!String')).toBe('"2"');
      expect(await redis.hget(dirs.context, '#App:9876:ipqs.indicator!StringArray')).toBe(
        '["8.8.8.8", "a@b.example"]',
      );
      expect(await redis.hget(dirs.context, '#App:9876:ipqs.indicator!String')).toBe('"8.8.8.8"');
      expect(result.logText).toContain('event=params-loaded');
    },
  );

  it('writes only the outputs a downstream app requested', async () => {
    const dirs = tcRunDirs();
    const result = await runMain(dirs, {
      ...platformParams(dirs, ['#App:9876:ipqs.count!String']),
      ipqs_api_key: API_KEY,
      indicators: '1.1.1.1\n2.2.2.2',
    });
    expect(result.code).toBe(0);
    expect(await redis.hgetall(dirs.context)).toEqual({ '#App:9876:ipqs.count!String': '"2"' });
  });

  it('accepts the legacy tc_playbook_db_* names and a list of requested outputs', async () => {
    const dirs = tcRunDirs();
    const modern = platformParams(dirs, []);
    const result = await runMain(dirs, {
      ...modern,
      tc_kvstore_type: undefined,
      tc_kvstore_host: undefined,
      tc_kvstore_port: undefined,
      tc_playbook_kvstore_context: undefined,
      tc_playbook_db_type: 'Redis',
      tc_playbook_db_path: modern.tc_kvstore_host,
      tc_playbook_db_port: String(modern.tc_kvstore_port),
      tc_playbook_db_context: dirs.context,
      tc_playbook_out_variables: ['#App:9876:ipqs.count!String'],
      ipqs_api_key: API_KEY,
      indicators: '1.1.1.1',
    });
    expect(result.code).toBe(0);
    expect(await redis.hget(dirs.context, '#App:9876:ipqs.count!String')).toBe('"1"');
  });

  describe('bad params', () => {
    it('names every bad input in message.tc together, with no stack trace, and exits 1', async () => {
      const dirs = tcRunDirs();
      const result = await runMain(dirs, {
        ...platformParams(dirs, OUT),
        indicators: '8.8.8.8',
        indicator_type: 'Hostname',
        ip_strictness: '7',
      });
      expect(result.code).toBe(1);
      const message = result.messageTc ?? '';
      expect(message).toMatch(/^Input validation errors\n/);
      expect(message).toContain('ipqs_api_key: ');
      expect(message).toContain('indicator_type: ');
      expect(message).toContain('Hostname');
      expect(message).toContain('ip_strictness: ');
      expect(message).not.toMatch(/\bat .+:\d+:\d+/);
      expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    });

    it('exits 1 naming the KV store when Redis is unreachable', async () => {
      const dirs = tcRunDirs();
      const result = await runMain(dirs, {
        ...platformParams(dirs, OUT),
        tc_kvstore_port: 1,
        ipqs_api_key: API_KEY,
        indicators: '8.8.8.8',
      });
      expect(result.code).toBe(1);
      expect(result.messageTc).toMatch(/Redis at 127\.0\.0\.1:1 is unreachable/);
      expect(result.messageTc).not.toMatch(/\bat .+:\d+:\d+/);
    });

    it.each([
      ['a corrupt param file', 'corrupt'],
      ['a wrong key', 'wrong-key'],
    ])('exits 1 with a one-line message for %s', async (_case, kind) => {
      const dirs = tcRunDirs();
      mkdirSync(dirs.inPath, { recursive: true });
      const key = randomKey();
      let file = path.join(dirs.inPath, 'params.aes');
      if (kind === 'corrupt') writeFileSync(file, Buffer.from('definitely not AES ciphertext!!'));
      else
        file = writeEncryptedParams(
          dirs.inPath,
          { ...platformParams(dirs, OUT), ipqs_api_key: API_KEY },
          randomKey(),
        );
      const result = await runNode(MAIN_JS, {
        cwd: dirs.root,
        env: { TC_APP_PARAM_FILE: file, TC_APP_PARAM_KEY: key },
      });
      expect(result.code).toBe(1);
      const messageTc = readMessageTc(dirs.root);
      expect(messageTc).toMatch(/^TC_APP_PARAM_FILE .*could not be decrypted/);
      expect(messageTc?.trim().split('\n')).toHaveLength(1);
      expect(messageTc).not.toContain(key);
      expect(result.stderr).not.toContain(key);
    });
  });
});
