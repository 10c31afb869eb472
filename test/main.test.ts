// node dist/main.js run as ThreatConnect runs it: an encrypted param file, a real redis-server holding the
// playbook context, message.tc in tc_out_path and the exit code.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pythonJsonDumps, randomKey, writeEncryptedParams } from './helpers/param-file';
import { runNode } from './helpers/run-main';
import {
  MAIN_JS,
  platformParams,
  readMessageTc,
  redisAndSimulator,
  runMain,
  tcRunDirs,
} from './helpers/tc-run';
import { outputVariables } from '../src/outputs/output-table';

const API_KEY = 'canaryIpqsKey0123456789abcdefABCDEF';
const OUT = [
  '#App:9876:ipqs.count!String',
  '#App:9876:ipqs.indicator!StringArray',
  '#App:9876:ipqs.indicator!String',
];

const env = redisAndSimulator();

/** The app params of a run against the local simulator. */
function app(extra: Record<string, unknown>): Record<string, unknown> {
  return { ipqs_api_key: API_KEY, ipqs_base_url: env.simulator.url, ...extra };
}

describe('node dist/main.js', () => {
  it.each([16, 24, 32] as const)(
    'loads a param file encrypted with a %i-character key, deletes it, and writes outputs and message.tc',
    async (keyLength) => {
      const dirs = tcRunDirs();
      await env.redis.hset(
        dirs.context,
        '#App:1:upstream.ips!StringArray',
        pythonJsonDumps(['198.51.100.10', 'score-5@example.com']),
      );
      const result = await runMain(
        dirs,
        { ...platformParams(dirs, OUT), ...app({ indicators: '#App:1:upstream.ips!StringArray' }) },
        { keyLength },
      );

      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(existsSync(result.paramFile)).toBe(false);
      expect(result.messageTc).toBe('IPQS: 2 indicators, 2 enriched, 0 failed, 0 high risk\n');
      expect(await env.redis.hget(dirs.context, '#App:9876:ipqs.count!String')).toBe('"2"');
      expect(await env.redis.hget(dirs.context, '#App:9876:ipqs.indicator!StringArray')).toBe(
        '["198.51.100.10", "score-5@example.com"]',
      );
      expect(await env.redis.hget(dirs.context, '#App:9876:ipqs.indicator!String')).toBe('"198.51.100.10"');
      expect(result.logText).toContain('event=params-loaded');
    },
  );

  it('writes only the outputs a downstream app requested', async () => {
    const dirs = tcRunDirs();
    const result = await runMain(dirs, {
      ...platformParams(dirs, ['#App:9876:ipqs.count!String']),
      ...app({ indicators: '198.51.100.1\n198.51.100.2' }),
    });
    expect(result.code).toBe(0);
    expect(await env.redis.hgetall(dirs.context)).toEqual({ '#App:9876:ipqs.count!String': '"2"' });
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
      ...app({ indicators: '198.51.100.1' }),
    });
    expect(result.code).toBe(0);
    expect(await env.redis.hget(dirs.context, '#App:9876:ipqs.count!String')).toBe('"1"');
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

  describe('a mixed batch against a local IPQS', () => {
    const BATCH = [
      '198.51.100.90',
      '2001:DB8:0:0:0:0:0:1',
      'score-10@Example.COM',
      'hxxps://phishing[.]example/login?a=1&b=2#top',
      'risk-60.example',
      '+1 800 555 0042',
      '198.51.100.90',
      '10.0.0.300',
    ];
    const ALL = outputVariables().map(({ name, type }) => `#App:9876:${name}!${type}`);

    async function run(extra: Record<string, unknown> = { cache_ttl_minutes: '0' }): Promise<{
      code: number | null;
      messageTc: string | undefined;
      out: Record<string, unknown>;
    }> {
      const dirs = tcRunDirs();
      await env.redis.hset(dirs.context, '#Trigger:5:trg.items!StringArray', pythonJsonDumps(BATCH));
      env.simulator.resetStats();
      const result = await runMain(dirs, {
        ...platformParams(dirs, ALL),
        ...app({ indicators: '#Trigger:5:trg.items!StringArray', phone_countries: 'US', ...extra }),
      });
      const stored = await env.redis.hgetall(dirs.context);
      const out: Record<string, unknown> = {};
      for (const [variable, value] of Object.entries(stored)) {
        if (variable.startsWith('#App:9876:')) out[variable.slice('#App:9876:'.length)] = JSON.parse(value);
      }
      return { code: result.code, messageTc: result.messageTc, out };
    }

    it('writes every generic output aligned with the input order, and exits 1 for the invalid one', async () => {
      const { code, messageTc, out } = await run();
      expect(code).toBe(1);
      expect(messageTc).toMatch(
        /^IPQS: 8 indicators, 7 enriched, 1 failed, 3 high risk\. First error: 10\.0\.0\.300: not .+\n$/,
      );
      expect(out['ipqs.indicator!StringArray']).toEqual([
        '198.51.100.90',
        '2001:db8::1',
        'score-10@example.com',
        'https://phishing.example/login?a=1&b=2#top',
        'risk-60.example',
        '+18005550042',
        '198.51.100.90',
        '10.0.0.300',
      ]);
      expect(out['ipqs.indicator_type!StringArray']).toEqual([
        'ip',
        'ip',
        'email',
        'url',
        'domain',
        'phone',
        'ip',
        null,
      ]);
      const scores = out['ipqs.score!StringArray'] as (string | null)[];
      expect([scores[0], scores[2], scores[3], scores[4], scores[5], scores[6], scores[7]]).toEqual([
        '90',
        '10',
        '100',
        '60',
        '42',
        '90',
        null,
      ]);
      expect(scores[1]).toMatch(/^\d{1,3}$/);
      const verdicts = out['ipqs.verdict!StringArray'] as (string | null)[];
      expect([
        verdicts[0],
        verdicts[2],
        verdicts[3],
        verdicts[4],
        verdicts[5],
        verdicts[6],
        verdicts[7],
      ]).toEqual(['HIGH RISK', 'CLEAN', 'CRITICAL', 'SUSPICIOUS', 'CLEAN', 'HIGH RISK', null]);
      const ratings = out['ipqs.threat_rating!StringArray'] as (string | null)[];
      expect([ratings[0], ratings[2], ratings[3], ratings[4], ratings[7]]).toEqual([
        '4',
        '0',
        '5',
        '1',
        null,
      ]);
      const reasons = out['ipqs.verdict_reasons!StringArray'] as (string | null)[];
      expect(reasons[0]).toContain('fraud_score>=85');
      expect(reasons[3]).toContain('phishing');
      const errors = out['ipqs.error!StringArray'] as string[];
      expect(errors.slice(0, 7)).toEqual(['', '', '', '', '', '', '']);
      expect(errors[7]).toMatch(/^10\.0\.0\.300: not /);
      expect(out['ipqs.cached!StringArray']).toEqual(Array(8).fill('false'));
      const raw = out['ipqs.json.raw!StringArray'] as (string | null)[];
      expect(raw).toHaveLength(8);
      expect(JSON.parse(raw[0]!)).toMatchObject({ success: true, fraud_score: 90 });
      expect(raw[7]).toBeNull();
      expect(out['ipqs.indicator!String']).toBe('198.51.100.90');
      expect(out['ipqs.verdict!String']).toBe('HIGH RISK');
      expect(out['ipqs.count!String']).toBe('8');
      expect(out['ipqs.success.count!String']).toBe('7');
      expect(out['ipqs.error.count!String']).toBe('1');
      expect(out['ipqs.high_risk.count!String']).toBe('3');
      expect(out['ipqs.high_risk.indicators!StringArray']).toEqual([
        '198.51.100.90',
        'https://phishing.example/login?a=1&b=2#top',
        '198.51.100.90',
      ]);
    });

    it('writes the per-type field outputs and the v1.0 compatible outputs, without personal data', async () => {
      const { out } = await run();
      expect(out['ipqs.ip.fraud_score!String']).toBe('90');
      expect(out['ipqs.ip.fraud_score!StringArray']).toEqual(['90', expect.stringMatching(/^\d+$/), '90']);
      expect(out['ipqs.url.phishing!StringArray']).toEqual(['true', 'false']);
      expect(out['ipqs.url.risk_score!StringArray']).toEqual(['100', '60']);
      expect(out['ipqs.email.valid!String']).toBe('true');
      expect(out['ipqs.email.domain_age.iso!String']).toEqual(expect.any(String));
      expect(out['ipqs.phone.formatted!String']).toBe('+18005550042');
      expect(out).not.toHaveProperty(['ipqs.email.identity_data!String']);
      expect(out).not.toHaveProperty(['ipqs.phone.name!String']);
      const compat = JSON.parse(out['ipqs.ipreputation.results.data!String'] as string);
      expect(compat).toMatchObject({
        fraud_score: 90,
        IPQS_Reputation: 'High Risk',
        TC_Threat_Rating: 'High Threat',
      });
      expect(JSON.parse(out['ipqs.urlreputation.json.raw!String'] as string)).toMatchObject({
        phishing: true,
      });
    });

    it('asks IPQS once per distinct valid indicator and never for the invalid one', async () => {
      await run();
      expect(env.simulator.stats().requests.byEndpoint).toEqual({ ip: 2, email: 1, url: 2, phone: 1 });
    });

    it('answers a second run of the same batch from the shared Redis cache, with no request', async () => {
      // a key of its own, so no other test's cached answers count
      const extra = { cache_ttl_minutes: '60', ipqs_api_key: `cache-test-key-${Date.now()}` };
      const first = await run(extra);
      expect(env.simulator.stats().requests.total).toBe(6);
      expect(first.out['ipqs.cached!StringArray']).toEqual(Array(8).fill('false'));
      const second = await run(extra);
      expect(env.simulator.stats().requests.total).toBe(0);
      expect(second.out['ipqs.cached!StringArray']).toEqual([...Array(7).fill('true'), 'false']);
      expect(second.out['ipqs.verdict!StringArray']).toEqual(first.out['ipqs.verdict!StringArray']);
      expect(second.out['ipqs.json.raw!StringArray']).toEqual(first.out['ipqs.json.raw!StringArray']);
    });
  });
});

describe('the dist/main.js code cache', () => {
  /** A run of one indicator with TMPDIR (where the cache lives) set to a folder of the test's own. */
  async function cachedRun(tmp: string, env: NodeJS.ProcessEnv = {}) {
    const dirs = tcRunDirs();
    const result = await runMain(
      dirs,
      { ...platformParams(dirs, OUT), ...app({ indicators: '198.51.100.11' }) },
      { env: { TMPDIR: tmp, ...env } },
    );
    expect(result.code).toBe(0);
    return result;
  }
  const cacheFiles = (tmp: string): string[] =>
    readdirSync(tmp, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.bin'));

  it('is written when the first run ends, in a folder only its user can read, and kept by later runs', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'ipqs-code-cache-'));
    await cachedRun(tmp);
    const [file] = cacheFiles(tmp);
    expect(file).toMatch(
      new RegExp(`app-${process.version}-${process.platform}-${process.arch}-\\d+-\\d+\\.bin$`),
    );
    const written = statSync(path.join(tmp, file!));
    expect(written.size).toBeGreaterThan(100_000);
    expect(statSync(path.dirname(path.join(tmp, file!))).mode & 0o777).toBe(0o700);

    await cachedRun(tmp);
    // accepted by V8, so not written again
    expect(statSync(path.join(tmp, file!)).mtimeMs).toBe(written.mtimeMs);
  });

  it('survives a damaged cache: the run succeeds and writes a good one', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'ipqs-code-cache-'));
    await cachedRun(tmp);
    const file = path.join(tmp, cacheFiles(tmp)[0]!);
    writeFileSync(file, 'not a code cache');
    await cachedRun(tmp);
    expect(statSync(file).size).toBeGreaterThan(100_000);
  });

  it('writes nothing with DISABLE_V8_COMPILE_CACHE=1', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'ipqs-code-cache-'));
    await cachedRun(tmp, { DISABLE_V8_COMPILE_CACHE: '1' });
    expect(cacheFiles(tmp)).toEqual([]);
  });
});
