import type { InstallParamSpec } from '../../../src/tc/params/coerce';
import { parseLegacyArgs } from '../../../src/tc/params/legacy-args';

const SPEC: readonly InstallParamSpec[] = [
  { name: 'ip_fast', type: 'Boolean' },
  { name: 'mobile', type: 'Boolean' },
  { name: 'indicator_type', type: 'Choice' },
  { name: 'user_agent', type: 'String' },
  { name: 'colours', type: 'MultiChoice' },
  { name: 'tags', type: 'String', allowMultiple: true },
];

describe('parseLegacyArgs', () => {
  it('reads --name value pairs as strings', () => {
    expect(parseLegacyArgs(['--indicator_type', 'IP Address', '--user_agent', 'Mozilla/5.0'], SPEC)).toEqual({
      indicator_type: 'IP Address',
      user_agent: 'Mozilla/5.0',
    });
  });

  it.each([
    ['at the end of argv', ['--user_agent', 'x', '--ip_fast'], { user_agent: 'x', ip_fast: true }],
    ['before another flag', ['--ip_fast', '--user_agent', 'x'], { ip_fast: true, user_agent: 'x' }],
    ['twice in a row', ['--ip_fast', '--mobile'], { ip_fast: true, mobile: true }],
    ['before a token that is not a boolean word', ['--ip_fast', 'stray'], { ip_fast: true }],
  ])('takes a bare Boolean flag %s as true', (_case, argv, expected) => {
    expect(parseLegacyArgs(argv, SPEC)).toEqual(expected);
  });

  it.each([
    ['true', 'true'],
    ['false', 'false'],
    ['0', '0'],
    ['YES', 'YES'],
  ])('takes a Boolean flag followed by the boolean word %s as that value', (word, expected) => {
    expect(parseLegacyArgs(['--ip_fast', word], SPEC)).toEqual({ ip_fast: expected });
  });

  it('collects a repeated MultiChoice flag into a list', () => {
    expect(parseLegacyArgs(['--colours', 'red', '--ip_fast', '--colours', 'blue'], SPEC)).toEqual({
      colours: ['red', 'blue'],
      ip_fast: true,
    });
  });

  it('collects an allowMultiple String param into a list even when given once', () => {
    expect(parseLegacyArgs(['--tags', 'a'], SPEC)).toEqual({ tags: ['a'] });
  });

  it('keeps the last value of a repeated single-value param', () => {
    expect(parseLegacyArgs(['--user_agent', 'one', '--user_agent', 'two'], SPEC)).toEqual({
      user_agent: 'two',
    });
  });

  it('keeps unknown pairs and takes unknown bare flags as true (the tc_* params arrive this way)', () => {
    expect(
      parseLegacyArgs(
        ['--tc_playbook_db_context', 'ctx-1', '--tc_verify', '--tc_log_level', 'debug', '--tc_secure_params'],
        SPEC,
      ),
    ).toEqual({
      tc_playbook_db_context: 'ctx-1',
      tc_verify: true,
      tc_log_level: 'debug',
      tc_secure_params: true,
    });
  });

  it('reads --name=value in one token, keeping later equals signs in the value', () => {
    expect(parseLegacyArgs(['--user_agent=a=b', '--ip_fast=false'], SPEC)).toEqual({
      user_agent: 'a=b',
      ip_fast: 'false',
    });
  });

  it('gives a known non-Boolean param without a value an empty string, so it counts as missing', () => {
    expect(parseLegacyArgs(['--user_agent', '--ip_fast'], SPEC)).toEqual({ user_agent: '', ip_fast: true });
  });

  it('ignores tokens that follow no flag, a lone "--" and single-dash options', () => {
    expect(parseLegacyArgs(['stray', '--', '-x', '--mobile'], SPEC)).toEqual({ mobile: true });
  });
});
