import { coerceParams, type InstallParamSpec } from '../../../src/tc/params/coerce';

const BOOLEAN: InstallParamSpec = { name: 'flag', type: 'Boolean' };
const MULTI: InstallParamSpec = { name: 'multi', type: 'MultiChoice' };
const ALLOW_MULTIPLE: InstallParamSpec = { name: 'multi', type: 'String', allowMultiple: true };
const STRING: InstallParamSpec = { name: 'text', type: 'String' };

describe('coerceParams', () => {
  it.each<[InstallParamSpec, unknown, unknown]>([
    [BOOLEAN, true, true],
    [BOOLEAN, 'true', true],
    [BOOLEAN, 'TRUE', true],
    [BOOLEAN, ' True ', true],
    [BOOLEAN, '1', true],
    [BOOLEAN, 1, true],
    [BOOLEAN, 'yes', true],
    [BOOLEAN, 'Yes', true],
    [BOOLEAN, false, false],
    [BOOLEAN, 'false', false],
    [BOOLEAN, 'False', false],
    [BOOLEAN, '0', false],
    [BOOLEAN, 0, false],
    [BOOLEAN, 'no', false],
    [BOOLEAN, 'NO', false],
    [BOOLEAN, 'maybe', 'maybe'],
    [BOOLEAN, '#App:1:flag!String', '#App:1:flag!String'],
    [MULTI, 'a|b|c', ['a', 'b', 'c']],
    [MULTI, 'one', ['one']],
    [MULTI, ' a | b ||', ['a', 'b']],
    [MULTI, ['x', 'y'], ['x', 'y']],
    [MULTI, '#App:1:list!StringArray', '#App:1:list!StringArray'],
    [MULTI, '#Trigger:7:list!StringArray', '#Trigger:7:list!StringArray'],
    [MULTI, '#Global:0:list!StringArray', '#Global:0:list!StringArray'],
    [MULTI, '&{TC:TEXT:my_list}', '&{TC:TEXT:my_list}'],
    [ALLOW_MULTIPLE, 'a|b', ['a', 'b']],
    [ALLOW_MULTIPLE, '&{TC:KEYCHAIN:key}', '&{TC:KEYCHAIN:key}'],
    [STRING, 'a|b', 'a|b'],
    [STRING, '  padded  ', '  padded  '],
    [STRING, 7, 7],
  ])('coerces %j value %j to %j', (spec, value, expected) => {
    expect(coerceParams({ [spec.name]: value }, [spec])).toEqual({ [spec.name]: expected });
  });

  it.each(['', '   ', '\n', null])('drops a blank value %j of a param without a default', (value) => {
    expect(coerceParams({ text: value, flag: value }, [STRING, BOOLEAN])).toEqual({});
  });

  it.each([
    [{ name: 'text', type: 'String', default: 'fallback' }, 'fallback'],
    [{ name: 'flag', type: 'Boolean', default: 'true' }, true],
    [{ name: 'flag', type: 'Boolean', default: false }, false],
    [{ name: 'multi', type: 'MultiChoice', default: 'a|b' }, ['a', 'b']],
  ])('gives a missing or blank %j its coerced install.json default', (spec, expected) => {
    expect(coerceParams({}, [spec])).toEqual({ [spec.name]: expected });
    expect(coerceParams({ [spec.name]: ' ' }, [spec])).toEqual({ [spec.name]: expected });
  });

  it('splits on the app listDelimiter when one is given', () => {
    expect(coerceParams({ multi: 'a,b|c' }, [MULTI], ',')).toEqual({ multi: ['a', 'b|c'] });
  });

  it('passes params that are not in the spec through unchanged, blanks included', () => {
    expect(coerceParams({ tc_verify: 'true', tc_log_path: '', flag: 'yes' }, [BOOLEAN])).toEqual({
      tc_verify: 'true',
      tc_log_path: '',
      flag: true,
    });
  });

  it('matches install.json types without regard to case', () => {
    expect(coerceParams({ flag: 'yes' }, [{ name: 'flag', type: 'boolean' }])).toEqual({ flag: true });
  });
});
