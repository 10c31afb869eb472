import { describeType, isBlank, showValue, toBoolean, toNumber } from '../../../src/tc/params/values';

describe('values', () => {
  it.each([
    [undefined, true],
    [null, true],
    ['', true],
    [' \t\n', true],
    ['0', false],
    [0, false],
    [false, false],
    [[], false],
  ])('isBlank(%j) is %s', (value, expected) => {
    expect(isBlank(value)).toBe(expected);
  });

  it.each([
    ['12', 12],
    [' -3 ', -3],
    ['+2.5', 2.5],
    ['.5', 0.5],
    [7, 7],
    ['0x10', undefined],
    ['1e3', undefined],
    ['Infinity', undefined],
    [Number.NaN, undefined],
    ['', undefined],
    [true, undefined],
  ])('toNumber(%j) is %j', (value, expected) => {
    expect(toNumber(value)).toBe(expected);
  });

  it.each([
    ['on', undefined],
    [2, undefined],
    [null, undefined],
  ])('toBoolean(%j) is %j', (value, expected) => {
    expect(toBoolean(value)).toBe(expected);
  });

  it.each([
    ['7', '"7"'],
    [7, '7'],
    [null, 'null'],
    [[1], 'a list'],
    [{}, 'an object'],
    ['x'.repeat(70), `"${'x'.repeat(60)}..."`],
  ])('showValue(%j) is %s', (value, expected) => {
    expect(showValue(value)).toBe(expected);
  });

  it('describes a string by its type only', () => {
    expect(describeType('secret')).toBe('a string');
  });

  it('describes the Buffer a Binary variable resolves to as bytes, not an object', () => {
    expect(describeType(Buffer.from('secret'))).toBe('bytes');
    expect(describeType(new Uint8Array(2))).toBe('bytes');
  });
});
