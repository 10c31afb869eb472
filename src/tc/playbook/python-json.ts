/**
 * JSON text byte-identical to Python's `json.dumps(value)` with its defaults (separators `", "` and
 * `": "`, `ensure_ascii=True`), so values this app writes to the KV store match what a tcex app writes;
 * and `json.loads`, which also reads the `NaN` and `Infinity` json.dumps writes for such floats.
 */
import { randomUUID } from 'node:crypto';

/** Python's `json.dumps(value)` for JSON-like values (`undefined` object members are skipped, like JSON.stringify). */
export function pythonJsonDumps(value: unknown): string {
  return dump(value, new Set());
}

/**
 * A number as Python prints it: safe integers as ints, other numbers by float `repr` (`0.1`, `1e-07`,
 * `1e+16`), non-finite values as json.dumps writes them. JS cannot tell `1.0` from `1`; both print as `1`.
 */
export function pythonNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  // Only a float is ever negative zero in Python, and String(-0) would drop its sign.
  if (Object.is(value, -0)) return '-0.0';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  // Integers beyond 2^53 cannot have come through JSON.parse exactly, so they print as the floats they are.
  return Number.isSafeInteger(value) ? String(value) : pythonFloatRepr(value);
}

// Python's float repr: the shortest round-trip digits, in scientific notation when the decimal
// exponent is below -4 or at least 16, with a signed exponent of at least two digits.
function pythonFloatRepr(value: number): string {
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return Number.isInteger(value) ? `${value}.0` : String(value);
}

function dump(value: unknown, seen: Set<object>): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return pythonJsonString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return pythonNumber(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object')
    throw new TypeError(`Object of type ${typeof value} is not JSON serializable`);

  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return dump(withToJson.toJSON(), seen);
  if (seen.has(value)) throw new TypeError('Circular reference detected');
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      return `[${value.map((item: unknown) => dump(item, seen)).join(', ')}]`;
    }
    const members = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .map(([key, member]) => `${pythonJsonString(key)}: ${dump(member, seen)}`);
    return `{${members.join(', ')}}`;
  } finally {
    seen.delete(value);
  }
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** A JSON string literal with every character outside printable ASCII as `\uxxxx` (lower-case hex, UTF-16 units). */
export function pythonJsonString(text: string): string {
  // Python's ESCAPE_ASCII class is `[\\"]|[^\ -~]`; iterating UTF-16 code units yields surrogate pairs
  // as two escapes, exactly like Python.
  return `"${text.replace(/[\\"]|[^ -~]/g, (char) => SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

// A JSON string literal, or one of the bare constants Python writes for non-finite floats. The closing
// quote is optional so an unterminated string is consumed once, not rescanned from each quote inside it.
const STRING_OR_CONSTANT = /"(?:[^"\\]|\\.)*"?|(-?Infinity|NaN)/g;

/**
 * Python's `json.loads(text)`: JSON.parse, plus the `NaN`, `Infinity` and `-Infinity` that json.dumps
 * writes for non-finite floats (JSON.parse refuses them). Throws a SyntaxError on anything else.
 */
export function pythonJsonLoads(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!/NaN|Infinity/.test(text)) throw error;
  }
  // 1e999 parses to Infinity; NaN has no literal, so a marker no stored string can hold stands in for it.
  const nan = `NaN ${randomUUID()}`;
  const replaced = text.replace(STRING_OR_CONSTANT, (match, constant?: string) => {
    if (constant === undefined) return match;
    if (constant === 'NaN') return JSON.stringify(nan);
    return constant.startsWith('-') ? '-1e999' : '1e999';
  });
  return JSON.parse(replaced, (_key, value: unknown) => (value === nan ? Number.NaN : value));
}
