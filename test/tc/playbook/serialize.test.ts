import { VariableError } from '../../../src/errors';
import { deserializeValue, serializeValue } from '../../../src/tc/playbook/serialize';

const bytes = Buffer.from([0x00, 0xff, 0x68, 0x65, 0x6c, 0x6c, 0x6f]);
const entity = { id: '1', value: '1.1.1.1', type: 'Address' };

// The stored forms are what tcex (Python json.dumps) writes for the same values.
describe('serializeValue', () => {
  it.each<[string, unknown, string]>([
    ['String', 'caf\u00e9', '"caf\\u00e9"'],
    ['String', true, '"true"'],
    ['String', false, '"false"'],
    ['String', 85, '"85"'],
    ['String', 0.5, '"0.5"'],
    ['StringArray', ['a', 'b\u00e9', null, 7, true], '["a", "b\\u00e9", null, "7", "true"]'],
    ['Binary', bytes, '"AP9oZWxsbw=="'],
    ['BinaryArray', [bytes, null], '["AP9oZWxsbw==", null]'],
    ['KeyValue', { key: 'score', value: 85 }, '{"key": "score", "value": 85}'],
    ['KeyValueArray', [{ key: 'a', value: ['x'] }], '[{"key": "a", "value": ["x"]}]'],
    ['TCEntity', entity, '{"id": "1", "value": "1.1.1.1", "type": "Address"}'],
    ['TCEntityArray', [entity], '[{"id": "1", "value": "1.1.1.1", "type": "Address"}]'],
    ['TCBatch', { indicator: [], group: [] }, '{"indicator": [], "group": []}'],
    ['TCEnhancedEntity', '{"indicator":[]}', '{"indicator":[]}'],
    ['TCEnhancedEntityArray', [{ summary: 'x' }], '[{"summary": "x"}]'],
    ['MyCustom', 'raw text', 'raw text'],
    ['MyCustom', 12, '12'],
  ])('writes a %s value as tcex does', (type, value, expected) => {
    expect(serializeValue(type, value)).toBe(expected);
  });

  it.each(['String', 'StringArray', 'Binary', 'KeyValue', 'TCEntity', 'MyCustom'])(
    'writes nothing for a null %s',
    (type) => {
      expect(serializeValue(type, null)).toBeUndefined();
      expect(serializeValue(type, undefined)).toBeUndefined();
    },
  );

  it.each<[string, unknown, string]>([
    [
      'KeyValue',
      [1, 2],
      'Invalid value for out!KeyValue: expected an object with "key" and "value", got an array',
    ],
    [
      'KeyValue',
      { key: 'k' },
      'Invalid value for out!KeyValue: expected an object with "key" and "value", got an object',
    ],
    [
      'KeyValueArray',
      [1, 2],
      'Invalid value for out!KeyValueArray: expected an object with "key" and "value", got a number',
    ],
    ['String', { a: 1 }, 'Invalid value for out!String: expected a string, number or boolean, got an object'],
    ['StringArray', 'abc', 'Invalid value for out!StringArray: expected an array, got a string'],
    [
      'StringArray',
      [['nested']],
      'Invalid value for out!StringArray: expected strings, numbers, booleans or nulls, got an array',
    ],
    ['Binary', 'not bytes', 'Invalid value for out!Binary: expected bytes, got a string'],
    [
      'TCEntity',
      { id: '1', value: 'x' },
      'Invalid value for out!TCEntity: expected an object with "id", "value" and "type", got an object',
    ],
    [
      'TCBatch',
      { indicator: 'x' },
      'Invalid value for out!TCBatch: expected an object with "indicator"/"group" lists, got an object',
    ],
  ])('rejects a %s value of the wrong shape with a one-line VariableError', (type, value, message) => {
    const act = () => serializeValue(type, value, `out!${type}`);
    expect(act).toThrow(VariableError);
    expect(act).toThrow(message);
  });
});

describe('deserializeValue', () => {
  it.each<[string, string, unknown]>([
    ['String', '"caf\\u00e9"', 'caf\u00e9'],
    ['String', '"smile \\ud83d\\ude00"', 'smile \u{1F600}'],
    ['String', '42', '42'],
    ['String', 'true', 'true'],
    ['String', 'null', null],
    ['StringArray', '["a", "b\\u00e9", null]', ['a', 'b\u00e9', null]],
    ['StringArray', '["a",1,false]', ['a', '1', 'false']],
    ['Binary', '"AP9oZWxsbw=="', bytes],
    ['BinaryArray', '["AP9oZWxsbw==", null]', [bytes, null]],
    ['KeyValue', '{"key": "k", "value": "v"}', { key: 'k', value: 'v' }],
    ['KeyValueArray', '[{"key": "k", "value": ["a"]}]', [{ key: 'k', value: ['a'] }]],
    ['TCEntity', '{"id": "1", "value": "1.1.1.1", "type": "Address"}', entity],
    ['TCEntityArray', '[{"id": "1", "value": "1.1.1.1", "type": "Address"}]', [entity]],
    ['TCBatch', '{"indicator": [{"summary": "x"}]}', { indicator: [{ summary: 'x' }] }],
    ['TCEnhancedEntity', '{"indicator": []}', '{"indicator": []}'],
    ['TCEnhancedEntityArray', '[1, 2]', '[1, 2]'],
    ['MyCustom', 'not json at all', 'not json at all'],
    ['KeyValue', '{"key": "k", "value": NaN}', { key: 'k', value: Number.NaN }],
    ['KeyValueArray', '[{"key": "k", "value": [-Infinity, -0.0]}]', [{ key: 'k', value: [-Infinity, -0] }]],
  ])('reads a stored %s (%s) as its typed value', (type, raw, expected) => {
    expect(deserializeValue(type, raw)).toEqual(expected);
  });

  it('reads Binary as a Buffer', () => {
    expect(Buffer.isBuffer(deserializeValue('Binary', '"AP9oZWxsbw=="'))).toBe(true);
  });

  it.each<[string, string, string]>([
    ['KeyValue', '[1, 2]', 'expected an object with "key" and "value", got an array'],
    ['KeyValueArray', '[1, 2]', 'expected an object with "key" and "value", got a number'],
    ['StringArray', '"abc"', 'expected an array, got a string'],
    ['String', '{"a": 1}', 'expected a string, got an object'],
    ['Binary', '"not base64!"', 'expected a base64 string, got a string'],
    ['Binary', '"QUJD="', 'expected a base64 string, got a string'],
    ['TCEntityArray', '[{"id": 1}]', 'expected an object with "id", "value" and "type", got an object'],
    ['String', '"unterminated', 'not valid JSON'],
  ])(
    'rejects a stored %s of the wrong shape (%s) with a VariableError naming the variable',
    (type, raw, reason) => {
      const act = () => deserializeValue(type, raw, '#App:1:x!' + type);
      expect(act).toThrow(VariableError);
      expect(act).toThrow(`Invalid stored value for #App:1:x!${type}: ${reason}`);
    },
  );

  it.each<[string, unknown]>([
    ['String', 'caf\u00e9 \u{1F600} "q" \\ \n'],
    ['StringArray', ['a', null, '\u00e9']],
    ['Binary', bytes],
    ['BinaryArray', [bytes, null, Buffer.alloc(0)]],
    ['KeyValue', { key: 'k', value: { nested: [1, 'x', null] } }],
    [
      'KeyValueArray',
      [
        { key: 'a', value: 'b' },
        { key: 'c', value: null },
      ],
    ],
    ['TCEntity', entity],
    ['TCEntityArray', [entity, { ...entity, id: '2' }]],
    ['TCBatch', { indicator: [{ summary: '1.1.1.1' }], group: [] }],
    ['TCEnhancedEntity', '{"indicator": []}'],
    ['TCEnhancedEntityArray', '[]'],
    ['MyCustom', 'anything'],
    ['KeyValue', { key: 'negative zero and non-finite floats', value: [-0, Number.NaN, Infinity] }],
  ])('round-trips a %s value through serialize and deserialize', (type, value) => {
    expect(deserializeValue(type, serializeValue(type, value)!)).toEqual(value);
  });
});
