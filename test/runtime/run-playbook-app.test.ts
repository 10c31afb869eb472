// The runtime against a real redis-server: outputs are flushed on every exit path (success, failure,
// thrown error, interrupt), in one round trip, and only the requested ones.
import { mkdtempSync, readFileSync } from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type Redis from 'ioredis';
import type { Enrich } from '../../src/runtime/enrich';
import { runPlaybookApp } from '../../src/runtime/run-playbook-app';
import { ExitCode } from '../../src/tc/exit';
import { INTERRUPT_MESSAGE } from '../../src/tc/signals';
import { pythonJsonDumps } from '../helpers/param-file';
import { redisHostPort, testRedis, uniqueContext } from '../helpers/redis';
import { startRedisServer } from '../helpers/redis-server';
import { enrich } from '../../src/app';
import ipClean from '../fixtures/ipqs/ip-clean.json';
import { answer, startFakeIpqs } from '../helpers/pipeline';

const COUNT = '#App:7:ipqs.count!String';
const INDICATORS = '#App:7:ipqs.indicator!StringArray';

let redis: Redis;
beforeAll(() => {
  redis = testRedis();
});
afterAll(async () => {
  await redis.quit();
});

function params(context: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ipqs-runtime-'));
  const { host, port } = redisHostPort();
  return {
    tc_kvstore_type: 'Redis',
    tc_kvstore_host: host,
    tc_kvstore_port: port,
    tc_playbook_kvstore_context: context,
    tc_playbook_out_variables: [COUNT, INDICATORS],
    tc_out_path: path.join(dir, 'out'),
    tc_log_path: path.join(dir, 'log'),
    ipqs_api_key: 'runtime-test-key-1234',
    indicators: '#App:1:in.values!StringArray',
    ...extra,
  };
}

async function stageInput(context: string): Promise<void> {
  await redis.hset(context, '#App:1:in.values!StringArray', pythonJsonDumps(['1.1.1.1', 'a@b.example']));
}

const stageBoth: Enrich = ({ stage }) => {
  stage.stage('ipqs.count', 'String', '2');
  stage.stage('ipqs.indicator', 'StringArray', ['1.1.1.1', 'a@b.example']);
  stage.stage('ipqs.verdict', 'String', 'CLEAN'); // not requested: never written
  return Promise.resolve({ exitCode: ExitCode.Success, message: 'done' });
};

describe('runPlaybookApp', () => {
  it('hands the pipeline resolved, validated params and writes the requested outputs', async () => {
    const context = uniqueContext('runtime');
    await stageInput(context);
    let seen: unknown;
    const result = await runPlaybookApp({
      env: {},
      argv: [],
      params: params(context, { ip_strictness: '2', fail_on_error: 'false' }),
      enrich: async (ctx) => {
        seen = {
          indicators: ctx.app.indicators,
          strictness: ctx.app.ip_strictness,
          fail: ctx.app.fail_on_error,
        };
        return stageBoth(ctx);
      },
    });
    expect(seen).toEqual({ indicators: ['1.1.1.1', 'a@b.example'], strictness: 2, fail: false });
    expect(result.exitCode).toBe(ExitCode.Success);
    expect(await redis.hgetall(context)).toEqual({
      '#App:1:in.values!StringArray': '["1.1.1.1", "a@b.example"]',
      [COUNT]: '"2"',
      [INDICATORS]: '["1.1.1.1", "a@b.example"]',
    });
    expect(readFileSync(result.messagePath!, 'utf8')).toBe('done\n');
  });

  it('still flushes the outputs staged before the pipeline failed', async () => {
    const context = uniqueContext('runtime-fail');
    await stageInput(context);
    const result = await runPlaybookApp({
      env: {},
      argv: [],
      params: params(context),
      enrich: async (ctx) => {
        await stageBoth(ctx);
        throw new Error('boom in the pipeline');
      },
    });
    expect(result.exitCode).toBe(ExitCode.Failure);
    expect(result.message).toBe('Generic Error. See logs for more details (boom in the pipeline)');
    expect(await redis.hget(context, COUNT)).toBe('"2"');
    expect(await redis.hget(context, INDICATORS)).toBe('["1.1.1.1", "a@b.example"]');
  });

  it('flushes the outputs and exits 1 with the interrupt message on SIGTERM', async () => {
    const context = uniqueContext('runtime-signal');
    await stageInput(context);
    let aborted = false;
    const result = await runPlaybookApp({
      env: {},
      argv: [],
      params: params(context),
      handleSignals: true,
      enrich: async (ctx) => {
        await stageBoth(ctx);
        ctx.signal.addEventListener('abort', () => {
          aborted = true;
        });
        process.emit('SIGTERM', 'SIGTERM');
        return new Promise(() => undefined); // the pipeline never finishes by itself
      },
    });
    expect(result).toMatchObject({ exitCode: ExitCode.Failure, message: INTERRUPT_MESSAGE });
    expect(aborted).toBe(true);
    expect(await redis.hget(context, COUNT)).toBe('"2"');
    expect(process.listenerCount('SIGTERM')).toBe(0);
  });

  it('reports a failed flush and names the outputs that could not be written', async () => {
    const server = await startRedisServer();
    try {
      const context = uniqueContext('runtime-flush');
      const result = await runPlaybookApp({
        env: {},
        argv: [],
        params: params(context, { tc_kvstore_port: server.port, indicators: '1.1.1.1' }),
        enrich: async (ctx) => {
          await stageBoth(ctx);
          await server.stop(); // the KV store goes away before the flush
          return { exitCode: ExitCode.Success, message: 'done' };
        },
      });
      expect(result.exitCode).toBe(ExitCode.Failure);
      expect(result.message).toContain('Outputs could not be written');
      expect(result.message).toContain(COUNT);
      expect(result.message).toContain(INDICATORS);
    } finally {
      await server.stop();
    }
  });

  it.each([
    ['IPQS_BASE_URL when the param is not set', undefined, 'http://127.0.0.1:8999/api/json'],
    [
      'the ipqs_base_url param over IPQS_BASE_URL',
      'http://127.0.0.1:7000/api/json',
      'http://127.0.0.1:7000/api/json',
    ],
  ])('points the client at %s', async (_case, param, expected) => {
    const context = uniqueContext('runtime-base');
    let seen: string | undefined;
    await runPlaybookApp({
      env: { IPQS_BASE_URL: 'http://127.0.0.1:8999/api/json' },
      argv: [],
      params: params(context, { indicators: '1.1.1.1', ...(param ? { ipqs_base_url: param } : {}) }),
      enrich: (ctx) => {
        seen = ctx.app.ipqs_base_url;
        return Promise.resolve({ exitCode: ExitCode.Success, message: 'done' });
      },
    });
    expect(seen).toBe(expected);
  });

  it('writes the indicators that finished when SIGTERM arrives mid-batch', async () => {
    const context = uniqueContext('runtime-midbatch');
    const held: http.ServerResponse[] = [];
    // IPQS answers 1.1.1.1 at once and holds 2.2.2.2; the signal comes once the second request arrived
    const ipqs = await startFakeIpqs((request, response) => {
      if (request.value === '1.1.1.1') return answer(response, [200, { ...ipClean, fraud_score: 90 }]);
      held.push(response);
      process.emit('SIGTERM', 'SIGTERM');
    });
    try {
      const result = await runPlaybookApp({
        env: {},
        argv: [],
        params: params(context, {
          indicators: '1.1.1.1\n2.2.2.2',
          ipqs_base_url: ipqs.baseUrl,
          max_concurrency: '1',
          cache_ttl_minutes: '0',
          tc_playbook_out_variables: [
            '#App:7:ipqs.indicator!StringArray',
            '#App:7:ipqs.verdict!StringArray',
            '#App:7:ipqs.error!StringArray',
            '#App:7:ipqs.error.count!String',
          ],
        }),
        handleSignals: true,
        enrich,
      });
      expect(result).toMatchObject({ exitCode: ExitCode.Failure, message: INTERRUPT_MESSAGE });
      expect(ipqs.requests.map((request) => request.value)).toEqual(['1.1.1.1', '2.2.2.2']);
      expect(await redis.hget(context, '#App:7:ipqs.indicator!StringArray')).toBe('["1.1.1.1", "2.2.2.2"]');
      expect(await redis.hget(context, '#App:7:ipqs.verdict!StringArray')).toBe('["HIGH RISK", null]');
      expect(await redis.hget(context, '#App:7:ipqs.error!StringArray')).toBe(
        '["", "2.2.2.2: not looked up: the run was interrupted"]',
      );
      expect(await redis.hget(context, '#App:7:ipqs.error.count!String')).toBe('"1"');
    } finally {
      for (const response of held) response.destroy();
      await ipqs.close();
    }
  });
});
