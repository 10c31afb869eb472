import { toJsonSource } from '../../src/manifest/json-source';

describe('toJsonSource', () => {
  it('writes an object of scalars on one line', () => {
    expect(toJsonSource({ name: 'ipqs.score', type: 'String', n: 1, on: true, none: null })).toBe(
      '{ "name": "ipqs.score", "type": "String", "n": 1, "on": true, "none": null }\n',
    );
  });

  it('writes nested objects one key per line with 2-space indents, arrays of scalars on one line', () => {
    expect(toJsonSource({ a: { b: [1, 'x'], c: [] }, d: {} })).toBe(
      '{\n  "a": {\n    "b": [1, "x"],\n    "c": []\n  },\n  "d": {}\n}\n',
    );
  });

  it('writes arrays of objects one element per line', () => {
    expect(toJsonSource({ list: [{ name: 'a' }, { name: 'b' }] })).toBe(
      '{\n  "list": [\n    { "name": "a" },\n    { "name": "b" }\n  ]\n}\n',
    );
  });

  it('drops undefined members and escapes strings like JSON.stringify', () => {
    const value = { a: undefined, b: 'line\n"quoted" ${TEXT}' };
    expect(toJsonSource(value)).toBe('{ "b": "line\\n\\"quoted\\" ${TEXT}" }\n');
  });

  it('round-trips through JSON.parse', () => {
    const value = {
      params: [{ name: 'x', validValues: ['0', '1'], default: false }],
      playbook: { type: 'T' },
    };
    expect(JSON.parse(toJsonSource(value))).toEqual(value);
  });
});
