// Properties of the playbook variable syntax: well-formed variables round-trip through parse and format,
// any text is handled without throwing, and every variable embedded in a longer text is found, in order.
import fc from 'fast-check';
import {
  APP_TYPES,
  EMBEDDED_VARIABLE_PATTERN,
  STANDARD_TYPES,
  formatVariable,
  isPlaybookVariable,
  isTcVariable,
  parseTcVariable,
  parseVariable,
} from '../../../src/tc/playbook/variable';

const KEY_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-[]';
const TYPE_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';

const key = fc.string({ unit: fc.constantFrom(...KEY_CHARS), minLength: 1, maxLength: 40 });

// A custom type may be any [A-Za-z0-9_-]+ that does not start with a standard type's name.
const customType = fc
  .string({ unit: fc.constantFrom(...TYPE_CHARS), minLength: 1, maxLength: 20 })
  .filter((type) => !/^(?:String|Binary|KeyValue|TCEntity|TCEnhancedEntity)/.test(type));

const parts = fc.record({
  appType: fc.constantFrom(...APP_TYPES),
  jobId: fc.stringMatching(/^\d{1,10}$/),
  key,
  type: fc.oneof(fc.constantFrom(...STANDARD_TYPES), customType),
});

const tcVariable = fc
  .record({
    provider: fc.constantFrom('TC', 'Vault'),
    type: fc.constantFrom('FILE', 'KEYCHAIN', 'TEXT'),
    key,
  })
  .map(({ provider, type, key: name }) => `&{${provider}:${type}:${name}}`);

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom(...'#&{}:!App1TCStringArray._-[] '), maxLength: 80 }),
);

describe('playbook variables', () => {
  it('parse back to the parts they were formatted from, and format back to the same text', () => {
    fc.assert(
      fc.property(parts, (given) => {
        const text = formatVariable(given);
        expect(parseVariable(text)).toEqual({ text, ...given });
        expect(isPlaybookVariable(text)).toBe(true);
        const parsed = parseVariable(text)!;
        expect(formatVariable(parsed)).toBe(text);
      }),
    );
  });

  it('are not variables once anything is added around them', () => {
    fc.assert(
      fc.property(parts, fc.constantFrom(' ', 'x', '!', '#', '\n'), (given, extra) => {
        const text = formatVariable(given);
        expect(parseVariable(`${extra}${text}`)).toBeUndefined();
        expect(parseVariable(`${text} `)).toBeUndefined();
      }),
    );
  });

  it('never make the parsers throw, whatever the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const variable = parseVariable(text);
        if (variable) expect(formatVariable(variable)).toBe(text);
        expect(isPlaybookVariable(text)).toBe(variable !== undefined);
        const tc = parseTcVariable(text);
        expect(isTcVariable(text)).toBe(tc !== undefined);
        if (tc) expect(`&{${tc.provider}:${tc.type}:${tc.key}}`).toBe(text);
        expect(() => [...text.matchAll(EMBEDDED_VARIABLE_PATTERN)]).not.toThrow();
      }),
    );
  });
});

// Text between embedded variables: no `#` or `&` (they could start a variable of their own).
const filler = fc.string({ maxLength: 20 }).filter((text) => !/[#&]/.test(text));
// What ends a variable: a character that cannot continue its key or type.
const boundary = fc.constantFrom(' ', ',', '\n', ';', '"', ')', '/', '?');

describe('embedded variables', () => {
  it('are all found in a longer text, in order, each exactly as written', () => {
    const embedded = fc.oneof(parts.map(formatVariable), tcVariable);
    fc.assert(
      fc.property(
        filler,
        fc.array(fc.tuple(embedded, boundary, filler), { maxLength: 6 }),
        (head, pieces) => {
          const text = head + pieces.map(([variable, end, tail]) => `${variable}${end}${tail}`).join('');
          const found = [...text.matchAll(EMBEDDED_VARIABLE_PATTERN)].map((match) => match[0]);
          expect(found).toEqual(pieces.map(([variable]) => variable));
        },
      ),
    );
  });
});
