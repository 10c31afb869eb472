/**
 * Zod field builders shared by the tc_* and app param schemas. Each field takes the loose value
 * ThreatConnect delivered (JSON value or string), treats blank as missing, trims strings, and reports one
 * reason in the words of the param table: `must be an integer from 0 to 3 (got "7")`.
 */
import { z } from 'zod';
import { describeType, isBlank, showValue, toBoolean, toNumber } from './values';

/** The result of checking one non-blank value. */
export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** Checks one non-blank value (strings arrive trimmed). */
export type Check<T> = (value: unknown) => Checked<T>;

/** A value that passed its check. */
export const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
/** A value that failed its check, with the reason shown to the user. */
export const fail = (reason: string): Checked<never> => ({ ok: false, reason });

function field<T>(check: (value: unknown) => Checked<T>) {
  return z
    .unknown()
    .optional()
    .transform((value, ctx): T => {
      const result = check(typeof value === 'string' ? value.trim() : value);
      if (result.ok) return result.value;
      ctx.addIssue({ code: 'custom', message: result.reason });
      return z.NEVER;
    });
}

/** A param that falls back to `fallback` when blank. */
export function withDefault<T>(check: Check<T>, fallback: T) {
  return field((value) => (isBlank(value) ? ok(fallback) : check(value)));
}

/** A param that is `undefined` when blank. */
export function optional<T>(check: Check<T>) {
  return field<T | undefined>((value) => (isBlank(value) ? ok(undefined) : check(value)));
}

/** A param that must not be blank (reason `required`). */
export function required<T>(check: Check<T>) {
  return field((value) => (isBlank(value) ? fail('required') : check(value)));
}

/** true/"true"/"1"/"yes" and false/"false"/"0"/"no", any case. */
export const booleanValue: Check<boolean> = (value) => {
  const result = toBoolean(value);
  return result === undefined ? fail(`must be true or false (got ${showValue(value)})`) : ok(result);
};

function rangeText(min: number, max: number | undefined): string {
  return max === undefined ? `>= ${min}` : `from ${min} to ${max}`;
}

/** An integer in [min, max] (max omitted: no upper bound); numeric strings are accepted. */
export function integerIn(min: number, max?: number): Check<number> {
  return (value) => {
    const result = toNumber(value);
    const inRange = result !== undefined && result >= min && (max === undefined || result <= max);
    if (result === undefined || !Number.isInteger(result) || !inRange) {
      return fail(`must be an integer ${rangeText(min, max)} (got ${showValue(value)})`);
    }
    return ok(result);
  };
}

/** A number in [min, max] (max omitted: no upper bound); numeric strings are accepted. */
export function numberIn(min: number, max?: number): Check<number> {
  return (value) => {
    const result = toNumber(value);
    if (result === undefined || result < min || (max !== undefined && result > max)) {
      return fail(`must be a number ${rangeText(min, max)} (got ${showValue(value)})`);
    }
    return ok(result);
  };
}

/** Any string; numbers are taken as their decimal text. */
export const stringValue: Check<string> = (value) => {
  if (typeof value === 'string') return ok(value);
  if (typeof value === 'number' && Number.isFinite(value)) return ok(String(value));
  return fail(`must be a string (got ${describeType(value)})`);
};

/** A string that is a secret: a rejected value is described by its type only, never shown. */
export const secretValue: Check<string> = (value) =>
  typeof value === 'string' ? ok(value) : fail(`must be a string (got ${describeType(value)})`);

/** One of `choices`, matched without regard to case and returned in its canonical spelling. */
export function oneOf<const C extends string>(
  choices: readonly C[],
  aliases: Readonly<Record<string, C>> = {},
) {
  const byLowerCase = new Map<string, C>(choices.map((choice) => [choice.toLowerCase(), choice]));
  for (const [alias, choice] of Object.entries(aliases)) byLowerCase.set(alias.toLowerCase(), choice);
  return (value: unknown): Checked<C> => {
    const match = typeof value === 'string' ? byLowerCase.get(value.toLowerCase()) : undefined;
    return match === undefined
      ? fail(`must be one of ${choices.join(', ')} (got ${showValue(value)})`)
      : ok(match);
  };
}

/** An absolute http or https URL, returned without trailing slashes. */
export const httpUrl: Check<string> = (value) => {
  if (typeof value === 'string' && URL.canParse(value)) {
    const url = new URL(value);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '') {
      return ok(value.replace(/\/+$/, ''));
    }
  }
  // a URL may carry user:password@, so only its type is shown
  return fail(
    `must be an http(s) URL${typeof value === 'string' && !value.includes('@') ? ` (got ${showValue(value)})` : ''}`,
  );
};

/** One zod issue per param, in the shape of InputValidationError's issues; several reasons are joined. */
export function issuesByParam(error: z.ZodError): { name: string; reason: string }[] {
  const reasons = new Map<string, string[]>();
  for (const issue of error.issues) {
    const name = issue.path.length > 0 ? issue.path.map(String).join('.') : '(params)';
    reasons.set(name, [...(reasons.get(name) ?? []), issue.message]);
  }
  return [...reasons].map(([name, list]) => ({ name, reason: list.join('; ') }));
}
