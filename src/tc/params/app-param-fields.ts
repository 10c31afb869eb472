/**
 * Checks for the app params whose values are structured: the indicators (string, list, TCEntity), the
 * phone country list and the extra IPQS query params (KeyValueList). Indicator and extra values are user
 * data, so reasons name positions and types, never the values.
 */
import { fail, ok, type Check, type Checked } from './fields';
import { describeType, isBlank, showValue } from './values';

/** A ThreatConnect entity as a TCEntity playbook variable holds it. */
export interface TcEntity {
  readonly id?: string;
  readonly value: string;
  readonly type: string;
}

/** The `indicators` input after variable resolution: a String, StringArray, TCEntity or TCEntityArray. */
export type IndicatorsInput = string | TcEntity | readonly (string | TcEntity | null)[];

/** One row of the `extra_params` KeyValueList. */
export interface ExtraParam {
  readonly key: string;
  readonly value: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}

function toEntity(value: Record<string, unknown>, where: string): Checked<TcEntity> {
  const { id, value: text, type } = value;
  if (typeof text !== 'string' || text.trim() === '' || typeof type !== 'string' || type.trim() === '') {
    return fail(`${where}must be a TCEntity with a non-empty "value" and "type"`);
  }
  const entity =
    typeof id === 'string' || typeof id === 'number'
      ? { id: String(id), value: text, type }
      : { value: text, type };
  return ok(entity);
}

/** A string, a TCEntity, or a non-empty list of strings, TCEntities and nulls. */
export const indicatorsValue: Check<IndicatorsInput> = (value) => {
  if (typeof value === 'string') return ok(value);
  if (isRecord(value)) return toEntity(value, '');
  if (!Array.isArray(value)) {
    return fail(`must be a string, a list or a TCEntity (got ${describeType(value)})`);
  }
  const items: (string | TcEntity | null)[] = [];
  for (const [index, item] of (value as unknown[]).entries()) {
    if (item === null || typeof item === 'string') {
      items.push(item);
      continue;
    }
    if (!isRecord(item)) {
      return fail(`item ${index + 1} must be a string, a TCEntity or null (got ${describeType(item)})`);
    }
    const entity = toEntity(item, `item ${index + 1} `);
    if (!entity.ok) return entity;
    items.push(entity.value);
  }
  if (items.every((item) => isBlank(item)))
    return fail('must hold at least one indicator (got an empty list)');
  return ok(items);
};

const COUNTRY_CODE = /^[A-Z]{2}$/;

/** ISO 3166 alpha-2 codes from a string (split on commas, pipes, whitespace) or a list; upper-cased, deduplicated. */
export const countryCodes: Check<string[]> = (value) => {
  const parts = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(parts) || parts.some((part) => typeof part !== 'string')) {
    return fail(`must be ISO 3166 alpha-2 country codes such as US, GB (got ${describeType(value)})`);
  }
  const codes = (parts as string[])
    .flatMap((part) => part.split(/[\s,|]+/))
    .filter((code) => code !== '')
    .map((code) => code.toUpperCase());
  const bad = codes.filter((code) => !COUNTRY_CODE.test(code));
  if (bad.length > 0) {
    return fail(
      `must be ISO 3166 alpha-2 country codes such as US, GB (got ${bad.map(showValue).join(', ')})`,
    );
  }
  return ok([...new Set(codes)]);
};

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (Array.isArray(value)) return value.map(asText).join(',');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return '';
}

/** A KeyValueList (or its JSON text) as `{key, value}` rows: keys trimmed and non-empty, values as strings. */
export const keyValueRows: Check<ExtraParam[]> = (value) => {
  let rows = value;
  if (typeof value === 'string') {
    try {
      rows = JSON.parse(value) as unknown;
    } catch {
      return fail('must be a list of {"key", "value"} rows (got a string that is not JSON)');
    }
  }
  if (!Array.isArray(rows)) {
    return fail(`must be a list of {"key", "value"} rows (got ${describeType(rows)})`);
  }
  const result: ExtraParam[] = [];
  for (const [index, row] of (rows as unknown[]).entries()) {
    const key = isRecord(row) && typeof row.key === 'string' ? row.key.trim() : '';
    if (!isRecord(row) || key === '') {
      return fail(`row ${index + 1} must be {"key", "value"} with a non-empty key`);
    }
    result.push({ key, value: asText(row.value) });
  }
  return ok(result);
};
