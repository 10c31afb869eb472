/**
 * Values to and from their KV-store form per playbook type (tcex `playbook_create.py` and
 * `playbook_read.py`): JSON written as Python's json.dumps writes it, Binary as quoted base64, custom
 * types raw. A value that does not fit its type raises a one-line `VariableError`.
 */
import { VariableError } from '../../errors';
import { pythonJsonDumps, pythonJsonLoads, pythonNumber } from './python-json';

type JsonObject = Record<string, unknown>;

/**
 * The stored form of `value` as a `type` output, or undefined when nothing is written (a null value,
 * like tcex's "The provided value for key X was None."). `name` labels error messages.
 */
export function serializeValue(type: string, value: unknown, name: string = type): string | undefined {
  if (value === null || value === undefined) return undefined;
  const fail = (reason: string): never => {
    throw new VariableError(`Invalid value for ${name}: ${reason}`);
  };
  switch (type) {
    case 'String':
      return pythonJsonDumps(
        toStringValue(value) ?? fail(`expected a string, number or boolean, got ${describe(value)}`),
      );
    case 'StringArray':
      return pythonJsonDumps(
        arrayOf(value, fail).map((item) =>
          item === null || item === undefined
            ? null
            : (toStringValue(item) ??
              fail(`expected strings, numbers, booleans or nulls, got ${describe(item)}`)),
        ),
      );
    case 'Binary':
      return pythonJsonDumps(toBase64(value) ?? fail(`expected bytes, got ${describe(value)}`));
    case 'BinaryArray':
      return pythonJsonDumps(
        arrayOf(value, fail).map((item) =>
          item === null || item === undefined
            ? null
            : (toBase64(item) ?? fail(`expected bytes or nulls, got ${describe(item)}`)),
        ),
      );
    case 'KeyValue':
      return pythonJsonDumps(checkKeyValue(value, fail));
    case 'KeyValueArray':
      return pythonJsonDumps(arrayOf(value, fail).map((item) => checkKeyValue(item, fail)));
    case 'TCEntity':
      return pythonJsonDumps(checkTcEntity(value, fail));
    case 'TCEntityArray':
      return pythonJsonDumps(arrayOf(value, fail).map((item) => checkTcEntity(item, fail)));
    case 'TCBatch':
      return pythonJsonDumps(checkTcBatch(value, fail));
    default:
      // TCEnhancedEntity(Array) and custom types are stored as given; structured values as JSON.
      if (typeof value === 'string') return value;
      if (typeof value === 'number') return pythonNumber(value);
      if (typeof value === 'boolean') return value ? 'true' : 'false';
      if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
      return pythonJsonDumps(value);
  }
}

/**
 * The typed value of a stored string (anything Python's json.loads reads): String -> string, Binary -> Buffer,
 * KeyValue/TCEntity -> object, arrays -> arrays (nulls kept); TCEnhancedEntity(Array) and custom types
 * return the raw string. `name` labels error messages.
 */
export function deserializeValue(type: string, raw: string, name: string = type): unknown {
  if (type === 'TCEnhancedEntity' || type === 'TCEnhancedEntityArray' || !isStructuredType(type)) return raw;
  const fail = (reason: string): never => {
    throw new VariableError(`Invalid stored value for ${name}: ${reason}`);
  };
  let data: unknown;
  try {
    data = pythonJsonLoads(raw);
  } catch {
    return fail('not valid JSON');
  }
  if (data === null) return null;
  switch (type) {
    case 'String':
      return toStringValue(data) ?? fail(`expected a string, got ${describe(data)}`);
    case 'StringArray':
      return arrayOf(data, fail).map((item) =>
        item === null
          ? null
          : (toStringValue(item) ?? fail(`expected strings or nulls, got ${describe(item)}`)),
      );
    case 'Binary':
      return fromBase64(data) ?? fail(`expected a base64 string, got ${describe(data)}`);
    case 'BinaryArray':
      return arrayOf(data, fail).map((item) =>
        item === null
          ? null
          : (fromBase64(item) ?? fail(`expected base64 strings or nulls, got ${describe(item)}`)),
      );
    case 'KeyValue':
      return checkKeyValue(data, fail);
    case 'KeyValueArray':
      return arrayOf(data, fail).map((item) => checkKeyValue(item, fail));
    case 'TCEntity':
      return checkTcEntity(data, fail);
    case 'TCEntityArray':
      return arrayOf(data, fail).map((item) => checkTcEntity(item, fail));
    default:
      return checkTcBatch(data, fail);
  }
}

const STRUCTURED_TYPES = new Set([
  'String',
  'StringArray',
  'Binary',
  'BinaryArray',
  'KeyValue',
  'KeyValueArray',
  'TCEntity',
  'TCEntityArray',
  'TCBatch',
]);

function isStructuredType(type: string): boolean {
  return STRUCTURED_TYPES.has(type);
}

/** String coercion of tcex: booleans as `true`/`false`, numbers as Python prints them. */
function toStringValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return pythonNumber(value);
  return undefined;
}

function toBase64(value: unknown): string | undefined {
  return value instanceof Uint8Array ? Buffer.from(value).toString('base64') : undefined;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function fromBase64(value: unknown): Buffer | undefined {
  if (typeof value !== 'string') return undefined;
  // Python's b64decode ignores line breaks but rejects bad padding; do the same.
  const compact = value.replace(/[\r\n]/g, '');
  return BASE64.test(compact) ? Buffer.from(compact, 'base64') : undefined;
}

function arrayOf(value: unknown, fail: (reason: string) => never): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : fail(`expected an array, got ${describe(value)}`);
}

function isObject(value: unknown): value is JsonObject {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}

function checkKeyValue(value: unknown, fail: (reason: string) => never): JsonObject {
  if (isObject(value) && 'key' in value && 'value' in value) return value;
  return fail(`expected an object with "key" and "value", got ${describe(value)}`);
}

function checkTcEntity(value: unknown, fail: (reason: string) => never): JsonObject {
  if (isObject(value) && 'id' in value && 'value' in value && 'type' in value) return value;
  return fail(`expected an object with "id", "value" and "type", got ${describe(value)}`);
}

function checkTcBatch(value: unknown, fail: (reason: string) => never): JsonObject {
  const lists = isObject(value) && ['indicator', 'group'].every((field) => isListOrAbsent(value[field]));
  return lists ? value : fail(`expected an object with "indicator"/"group" lists, got ${describe(value)}`);
}

function isListOrAbsent(value: unknown): boolean {
  return value === undefined || Array.isArray(value);
}

/** The kind of a value for error messages; never the value itself (it may be sensitive). */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Uint8Array) return 'bytes';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
