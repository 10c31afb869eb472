// The whole bad-input corpus as one batch through node dist/main.js, against a real simulator and a real
// redis-server: the run does not crash, every bad value gets its one-line ipqs.error in its own position,
// IPQS is asked only about the good values mixed in, and the exit code follows fail_on_error.
import { classify } from '../../src/indicators/classify';
import type { SimulatorStats } from '../../src/simulator';
import { BAD_INPUTS } from '../fixtures/bad-inputs';
import { pythonJsonDumps } from '../helpers/param-file';
import { platformParams, redisAndSimulator, runMain, tcRunDirs } from '../helpers/tc-run';

const INPUT = '#Trigger:5:upstream.values!StringArray';
const OUTPUTS = ['ipqs.error', 'ipqs.indicator', 'ipqs.indicator_type', 'ipqs.verdict'];
const COUNTS = ['ipqs.count', 'ipqs.success.count', 'ipqs.error.count'];
const REQUESTED = [
  ...OUTPUTS.map((name) => `#App:9876:${name}!StringArray`),
  ...COUNTS.map((name) => `#App:9876:${name}!String`),
];

// Good values the simulator answers deterministically, one per lookup type (domains ride on url); the
// last two repeat the first IP (defanged) and the email, so they cost no request of their own.
const GOOD = [
  '198.51.100.10',
  'score-5@example.com',
  'https://risk-20.example/login',
  'risk-30.example',
  '+1 800 555 0042',
  '198[.]51[.]100[.]10',
  'score-5@example.com',
];
const DISTINCT_GOOD = 5;

/** The corpus with the good values spread through it: the first value, every so often, and the last. */
function mixedBatch(): string[] {
  const bad = BAD_INPUTS.map(({ value }) => value);
  const chunk = Math.ceil(bad.length / (GOOD.length - 1));
  return GOOD.flatMap((value, index) => [value, ...bad.slice(index * chunk, (index + 1) * chunk)]);
}

const env = redisAndSimulator();

async function statsOverHttp(): Promise<SimulatorStats> {
  const response = await fetch(new URL('/__stats', env.simulator.url));
  return (await response.json()) as SimulatorStats;
}

describe('the bad-input corpus through node dist/main.js', () => {
  const batch = mixedBatch();
  // Blank list items are skipped, not outputs: the outputs follow the non-blank values.
  const items = batch.filter((value) => value.trim() !== '');
  const good = new Set(GOOD);

  it.each([
    ['true', 1],
    ['false', 0],
  ])(
    'with fail_on_error %s, writes one line per bad value, asks only about the good ones, exits %i',
    async (failOnError, exitCode) => {
      const dirs = tcRunDirs();
      await env.redis.hset(dirs.context, INPUT, pythonJsonDumps(batch));
      env.simulator.resetStats();
      const result = await runMain(dirs, {
        ...platformParams(dirs, REQUESTED),
        tc_log_level: 'info',
        ipqs_api_key: `bad-input-e2e-${failOnError}`,
        ipqs_base_url: env.simulator.url,
        indicators: INPUT,
        cache_ttl_minutes: '0',
        fail_on_error: failOnError,
      });

      expect(result.signal).toBeNull();
      expect(result.code).toBe(exitCode);
      const bad = items.length - GOOD.length;
      expect(result.messageTc).toMatch(
        new RegExp(`^IPQS: ${items.length} indicators, ${GOOD.length} enriched, ${bad} failed, .*\\n$`),
      );
      expect((await statsOverHttp()).requests.total).toBe(DISTINCT_GOOD);

      const out = async (name: string): Promise<unknown> =>
        JSON.parse((await env.redis.hget(dirs.context, `#App:9876:${name}`)) ?? 'null');
      const errors = (await out('ipqs.error!StringArray')) as string[];
      const types = (await out('ipqs.indicator_type!StringArray')) as (string | null)[];
      const verdicts = (await out('ipqs.verdict!StringArray')) as (string | null)[];
      expect(errors).toHaveLength(items.length);
      expect(await out('ipqs.count!String')).toBe(String(items.length));
      expect(await out('ipqs.error.count!String')).toBe(String(bad));
      items.forEach((value, index) => {
        if (good.has(value)) {
          expect([index, errors[index]]).toEqual([index, '']);
          expect(verdicts[index]).toEqual(expect.any(String));
          return;
        }
        const classified = classify(value);
        const error = errors[index] ?? '';
        expect([index, classified.ok]).toEqual([index, false]);
        if (!classified.ok) expect(error.endsWith(`: ${classified.reason}`)).toBe(true);
        expect(error).not.toMatch(/[\r\n]|\p{Cc}/u);
        expect(error.length).toBeLessThanOrEqual(300);
        expect(types[index]).toBeNull();
        expect(verdicts[index]).toBeNull();
      });
    },
  );
});
