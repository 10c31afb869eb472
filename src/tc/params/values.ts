/**
 * Small readers for loosely typed param values: ThreatConnect delivers booleans and numbers as JSON values
 * or as strings ("true", "1", "20"), and an empty string means the user left the field blank.
 */

/** True for `undefined`, `null` and strings that are empty or only whitespace. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

const TRUE_WORDS = new Set(['true', '1', 'yes']);
const FALSE_WORDS = new Set(['false', '0', 'no']);

/** The boolean a value stands for (true/"true"/"1"/"yes", false/"false"/"0"/"no"), else `undefined`. */
export function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

// Plain decimal notation only: Number() would also take "0x10", "1e3" and "Infinity".
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** The finite number a value stands for (a number or a decimal string), else `undefined`. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !DECIMAL.test(value.trim())) return undefined;
  return Number(value.trim());
}

const MAX_SHOWN = 60;

/**
 * How a rejected value is shown inside a reason: `"7"` for the string 7, `7` for the number, `a list` for an
 * array. Long strings are cut. Never use it for secrets; use `describeType` instead.
 */
export function showValue(value: unknown): string {
  if (typeof value === 'string') {
    const text = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}...` : value;
    return JSON.stringify(text);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return describeType(value);
}

/** The kind of a value without its content ("a string", "a number", "a list", "an object"). */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  // a Binary playbook variable resolves to a Buffer: say so rather than "an object"
  if (value instanceof Uint8Array) return 'bytes';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
