import {
  pythonJsonDumps,
  pythonJsonLoads,
  pythonJsonString,
  pythonNumber,
} from '../../../src/tc/playbook/python-json';

// Every expected string below is the output of CPython 3 `json.dumps(...)` / `repr(...)` for the same value.
describe('pythonJsonDumps', () => {
  it.each<[string, unknown, string]>([
    ['a list with a non-ASCII string and a null', ['a', 'b\u00e9', null], '["a", "b\\u00e9", null]'],
    [
      'an object, keeping member order',
      { id: '1', value: '1.1.1.1', type: 'Address' },
      '{"id": "1", "value": "1.1.1.1", "type": "Address"}',
    ],
    [
      'nested values',
      { key: 'k', value: [1, 2.5, true, null, { x: '\u00e9' }] },
      '{"key": "k", "value": [1, 2.5, true, null, {"x": "\\u00e9"}]}',
    ],
    ['empty containers', { a: [], b: {} }, '{"a": [], "b": {}}'],
    ['an empty string', '', '""'],
    ['false', false, 'false'],
  ])('writes %s like json.dumps', (_label, value, expected) => {
    expect(pythonJsonDumps(value)).toBe(expected);
  });

  it('escapes controls, quotes, DEL and astral characters as json.dumps does (surrogate pairs, lower-case hex)', () => {
    const text = 'smile \u{1F600} tab\t quote" back\\ nl\n del\u007f ctl\u0001 slash/';
    expect(pythonJsonString(text)).toBe(
      '"smile \\ud83d\\ude00 tab\\t quote\\" back\\\\ nl\\n del\\u007f ctl\\u0001 slash/"',
    );
  });

  it('round-trips through JSON.parse', () => {
    const value = { s: 'x\u00e9\u{1F600}"\\', n: [1, -2.5, null], b: true };
    expect(JSON.parse(pythonJsonDumps(value))).toEqual(value);
  });

  it('skips undefined object members like JSON.stringify and writes undefined array items as null', () => {
    expect(pythonJsonDumps({ a: undefined, b: [undefined] })).toBe('{"b": [null]}');
  });

  it('rejects a circular structure with a TypeError', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => pythonJsonDumps(loop)).toThrow(TypeError);
  });
});

describe('pythonNumber', () => {
  it.each<[number, string]>([
    [0.1, '0.1'],
    [1e-7, '1e-07'],
    [1e16, '1e+16'],
    [12345678.9, '12345678.9'],
    [-0.00001, '-1e-05'],
    [0.0001, '0.0001'],
    [123456789012345680, '1.2345678901234568e+17'],
    [9007199254740992, '9007199254740992.0'],
    [1.5e300, '1.5e+300'],
    [85, '85'],
    [-3, '-3'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
    [-0, '-0.0'],
  ])('prints %p as Python prints it (%s)', (value, expected) => {
    expect(pythonNumber(value)).toBe(expected);
  });
});

describe('pythonJsonLoads', () => {
  it.each<[string, unknown]>([
    ['[NaN, Infinity, -Infinity]', [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]],
    ['{"value": NaN, "NaN": "Infinity"}', { value: Number.NaN, NaN: 'Infinity' }],
    ['["a \\"NaN\\" b", -0.0]', ['a "NaN" b', -0]],
    ['{"key": "k", "value": 1}', { key: 'k', value: 1 }],
  ])('reads %s as json.loads does, non-finite floats included', (text, expected) => {
    expect(pythonJsonLoads(text)).toEqual(expected);
  });

  it.each(['NaNx', '[NaN', 'nan', '"unterminated NaN'])('refuses %j with a SyntaxError', (text) => {
    expect(() => pythonJsonLoads(text)).toThrow(SyntaxError);
  });
});
