/**
 * The values of the `ipqs.<type>.<field>` outputs for one IPQS response, keyed by FIELD_CATALOG path:
 * booleans as `true`/`false`, numbers as plain decimals, strings as they are (`N/A` included), lists and
 * objects as JSON text, and null where the response has no value.
 */
import { FIELD_ALIASES, FIELD_CATALOG } from '../ipqs/fields';
import type { FieldKind, LookupType } from '../ipqs/fields';

type Json = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path (`domain_age.iso`), reading through nested objects only. */
function readPath(data: Json, path: string): unknown {
  let current: unknown = data;
  for (const segment of path.split('.')) {
    if (!isRecord(current)) return undefined;
    current = current[segment];
  }
  return current;
}

/**
 * A number as a plain decimal string. String() already gives one for everyday values; it switches to
 * exponent form below 1e-6 and from 1e21, which is spelled out here instead.
 */
export function plainDecimal(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) return text;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function formatValue(kind: FieldKind, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  // Lists and objects are written as JSON whatever their elements; a scalar field holding one is too.
  if (kind === 'list' || kind === 'json') return JSON.stringify(value) ?? null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? plainDecimal(value) : null;
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? null;
}

function aliasKeysByPath(lookup: LookupType): ReadonlyMap<string, readonly string[]> {
  const byPath = new Map<string, string[]>();
  for (const [key, path] of Object.entries(FIELD_ALIASES[lookup])) {
    byPath.set(path, [...(byPath.get(path) ?? []), key]);
  }
  return byPath;
}

// built once per lookup type: fieldValues runs once per answer
const aliasesByLookup = new Map<LookupType, ReadonlyMap<string, readonly string[]>>();

/**
 * The catalogue fields of the lookup type with their output values (null when absent): every field, or
 * only the paths in `only` (a batch formats just the fields it writes). Response keys spelled
 * differently (FIELD_ALIASES, e.g. `Organization`) fill their field when its own key has no value.
 */
export function fieldValues(
  lookup: LookupType,
  data: Json,
  only?: ReadonlySet<string>,
): Map<string, string | null> {
  let aliases = aliasesByLookup.get(lookup);
  if (!aliases) {
    aliases = aliasKeysByPath(lookup);
    aliasesByLookup.set(lookup, aliases);
  }
  const values = new Map<string, string | null>();
  for (const field of FIELD_CATALOG[lookup]) {
    if (only && !only.has(field.path)) continue;
    let value = readPath(data, field.path);
    for (const key of aliases.get(field.path) ?? []) value ??= data[key];
    values.set(field.path, formatValue(field.kind, value));
  }
  return values;
}
