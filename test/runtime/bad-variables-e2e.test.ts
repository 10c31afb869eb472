// node dist/main.js when the indicators param is a playbook variable that is missing from the context or
// holds a value of another type: a clear one-line reason naming the variable, exit 1, no request made; an
// embedded variable with no value is a per-indicator error, as tcex's `<null>` design has it.
import { pythonJsonDumps } from '../helpers/param-file';
import { platformParams, redisAndSimulator, runMain, tcRunDirs } from '../helpers/tc-run';
import type { TcRunResult } from '../helpers/tc-run';

const REQUESTED = ['#App:9876:ipqs.error!StringArray', '#App:9876:ipqs.indicator!StringArray'];

const env = redisAndSimulator();

interface Run {
  readonly result: TcRunResult;
  readonly requests: number;
  readonly errors: unknown;
}

/** Stages `context` in a fresh playbook context and runs the app with `indicators`. */
async function run(context: Record<string, string | Buffer>, indicators: string): Promise<Run> {
  const dirs = tcRunDirs();
  if (Object.keys(context).length > 0) await env.redis.hset(dirs.context, context);
  env.simulator.resetStats();
  const result = await runMain(dirs, {
    ...platformParams(dirs, REQUESTED),
    ipqs_api_key: 'bad-variables-e2e-key',
    ipqs_base_url: env.simulator.url,
    cache_ttl_minutes: '0',
    indicators,
  });
  const stored = await env.redis.hget(dirs.context, REQUESTED[0]!);
  return {
    result,
    requests: env.simulator.stats().requests.total,
    errors: stored === null ? null : JSON.parse(stored),
  };
}

function expectFailedRun({ result, requests, errors }: Run, reasonLine: RegExp): void {
  expect(result.code).toBe(1);
  expect(requests).toBe(0);
  expect(errors).toBeNull();
  const lines = (result.messageTc ?? '').trimEnd().split('\n');
  expect(lines.filter((line) => reasonLine.test(line))).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  expect(result.logText).not.toMatch(/event=app-failed.*stack=/);
}

const VAR = '#App:1:upstream.values';

// Every message names the variable: `, but <variable> has no value` or `, read from <variable>`.

describe('an indicators variable that points at nothing usable', () => {
  it.each<[string, Record<string, string | Buffer>, string, RegExp]>([
    [
      'a key absent from the context',
      {},
      `${VAR}!StringArray`,
      /^indicators: required, but #App:1:upstream\.values!StringArray has no value$/,
    ],
    [
      'a key holding JSON null',
      { [`${VAR}!StringArray`]: 'null' },
      `${VAR}!StringArray`,
      /^indicators: required, but #App:1:upstream\.values!StringArray has no value$/,
    ],
    [
      'a StringArray holding a String',
      { [`${VAR}!StringArray`]: '"198.51.100.1"' },
      `${VAR}!StringArray`,
      /^Invalid stored value for #App:1:upstream\.values!StringArray: expected an array, got a string$/,
    ],
    [
      'a StringArray holding bytes that are not JSON',
      { [`${VAR}!StringArray`]: Buffer.from([0xff, 0xfe, 0x5b, 0x00, 0x22]) },
      `${VAR}!StringArray`,
      /^Invalid stored value for #App:1:upstream\.values!StringArray: not valid JSON$/,
    ],
    [
      'a StringArray holding objects',
      { [`${VAR}!StringArray`]: '[{"value": "198.51.100.1"}]' },
      `${VAR}!StringArray`,
      /^Invalid stored value for #App:1:upstream\.values!StringArray: expected strings or nulls, got an object$/,
    ],
    [
      'a String holding a list',
      { [`${VAR}!String`]: '["198.51.100.1"]' },
      `${VAR}!String`,
      /^Invalid stored value for #App:1:upstream\.values!String: expected a string, got an array$/,
    ],
    [
      'a TCEntity holding a String',
      { [`${VAR}!TCEntity`]: '"198.51.100.1"' },
      `${VAR}!TCEntity`,
      /^Invalid stored value for #App:1:upstream\.values!TCEntity: expected an object with "id", "value" and "type", got a string$/,
    ],
    [
      'a Binary',
      { [`${VAR}!Binary`]: pythonJsonDumps(Buffer.from('198.51.100.1').toString('base64')) },
      `${VAR}!Binary`,
      /^indicators: must be a string, a list or a TCEntity \(got bytes\), read from #App:1:upstream\.values!Binary$/,
    ],
    [
      'a Binary holding text that is not base64',
      { [`${VAR}!Binary`]: '"198.51.100.1"' },
      `${VAR}!Binary`,
      /^Invalid stored value for #App:1:upstream\.values!Binary: expected a base64 string, got a string$/,
    ],
    [
      'a KeyValue',
      { [`${VAR}!KeyValue`]: '{"key": "ip", "value": "198.51.100.1"}' },
      `${VAR}!KeyValue`,
      /^indicators: must be a TCEntity with a non-empty "value" and "type", read from #App:1:upstream\.values!KeyValue$/,
    ],
    [
      'an empty StringArray',
      { [`${VAR}!StringArray`]: '[]' },
      `${VAR}!StringArray`,
      /^indicators: must hold at least one indicator \(got an empty list\), read from .+$/,
    ],
    [
      'an embedded variable holding bytes that are not JSON',
      { [`${VAR}!String`]: Buffer.from([0xc3, 0x28]) },
      `198.51.100.1, ${VAR}!String`,
      /^Invalid stored value for #App:1:upstream\.values!String: not valid JSON$/,
    ],
  ])('fails the run naming the problem for %s', async (_case, context, indicators, reasonLine) => {
    expectFailedRun(await run(context, indicators), reasonLine);
  });
});

describe('embedded variables that cannot be shown as text', () => {
  it.each([
    ['missing from the context', {}, `${VAR}!String`, '<null>: an embedded playbook variable had no value'],
    [
      'of type Binary',
      { [`${VAR}!Binary`]: '"AP9oZWxsbw=="' },
      `${VAR}!Binary`,
      '<binary>: an embedded Binary variable cannot be an indicator',
    ],
  ])(
    'leave a per-indicator error for one %s, and look the rest up',
    async (_case, context, variable, error) => {
      const { result, requests, errors } = await run(context, `198.51.100.1, ${variable}, 198.51.100.2`);
      expect(result.code).toBe(1);
      expect(requests).toBe(2);
      expect(errors).toEqual(['', error, '']);
      expect(result.messageTc).toBe(
        `IPQS: 3 indicators, 2 enriched, 1 failed, 0 high risk. First error: ${error}\n`,
      );
    },
  );
});
