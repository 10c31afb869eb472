// Properties of the KV-store serialization: every playbook type's value comes back from its stored form
// unchanged, with arbitrary Unicode (lone surrogates included, as json.dumps escapes them) and null array
// entries; the stored form is printable ASCII as json.dumps writes it, and writing it again changes nothing.
import fc from 'fast-check';
import { deserializeValue, serializeValue } from '../../../src/tc/playbook/serialize';

/** Any UTF-16 code unit, so strings hold lone surrogates too. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const text = fc.oneof(
  fc.string({ unit: codeUnit, maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
);

// Numbers json.dumps writes: -0, NaN and the infinities included (json.loads reads them back).
const number = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-0, 2 ** 53, 1e16, 1e-7));

const json = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 3, depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    number,
    text,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 4 }),
  ),
})).value;

const bytes = fc.uint8Array({ maxLength: 40 }).map((array) => Buffer.from(array));
const members = fc.dictionary(text, json, { maxKeys: 3 });
const keyValue = fc
  .record({ key: text, value: json, extra: members })
  .map(({ key, value, extra }) => ({ ...extra, key, value }));
const tcEntity = fc
  .record({ id: fc.oneof(text, fc.integer()), value: text, type: text, extra: members })
  .map(({ id, value, type, extra }) => ({ ...extra, id, value, type }));
const tcBatch = fc.record(
  { indicator: fc.array(json, { maxLength: 3 }), group: fc.array(json, { maxLength: 3 }) },
  { requiredKeys: [] },
);

/** Each type with values of it that must come back as they went in. */
const CASES: readonly (readonly [string, fc.Arbitrary<unknown>])[] = [
  ['String', text],
  ['StringArray', fc.array(fc.option(text, { nil: null }), { maxLength: 6 })],
  ['Binary', bytes],
  ['BinaryArray', fc.array(fc.option(bytes, { nil: null }), { maxLength: 4 })],
  ['KeyValue', keyValue],
  ['KeyValueArray', fc.array(keyValue, { maxLength: 3 })],
  ['TCEntity', tcEntity],
  ['TCEntityArray', fc.array(tcEntity, { maxLength: 3 })],
  ['TCBatch', tcBatch],
  ['TCEnhancedEntity', text],
  ['TCEnhancedEntityArray', text],
  ['MyCustom_Type-1', text],
];

/** json.dumps(ensure_ascii=True) writes only printable ASCII. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

describe('serializeValue then deserializeValue', () => {
  it.each(CASES)('gives back every %s value', (type, values) => {
    fc.assert(
      fc.property(values, (value) => {
        const stored = serializeValue(type, value, `#App:1:x!${type}`);
        expect(stored).toEqual(expect.any(String));
        expect(deserializeValue(type, stored!, `#App:1:x!${type}`)).toEqual(value);
      }),
    );
  });

  it.each(CASES.slice(0, 9))(
    'stores every %s as printable ASCII that is stored again as is',
    (type, values) => {
      fc.assert(
        fc.property(values, (value) => {
          const stored = serializeValue(type, value)!;
          expect(stored).toMatch(PRINTABLE_ASCII);
          expect(serializeValue(type, deserializeValue(type, stored))).toBe(stored);
        }),
      );
    },
  );

  it('writes numbers and booleans as the strings tcex coerces them to', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(number, fc.boolean(), fc.constant(null)), { maxLength: 5 }), (items) => {
        const back = deserializeValue('StringArray', serializeValue('StringArray', items)!) as unknown[];
        expect(back).toHaveLength(items.length);
        back.forEach((item, index) => {
          const given = items[index];
          if (typeof given === 'number') expect(Number(item)).toBe(given);
          else expect(item).toBe(given === null ? null : String(given));
        });
      }),
    );
  });

  it('custom types store structured values as JSON text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(json, { maxLength: 3 }), members), (value) => {
        const raw = deserializeValue('MyCustom', serializeValue('MyCustom', value)!);
        expect(JSON.parse(raw as string)).toEqual(value);
      }),
    );
  });
});
