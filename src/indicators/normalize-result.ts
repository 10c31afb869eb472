/** The outcome of normalizing one value as one indicator type: the normalized value, or why it is not one. */
export type Normalized =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string };

/** The value is of the type; `value` is its normalized form. */
export function accepted(value: string): Normalized {
  return { ok: true, value };
}

/** The value is not of the type; `reason` is a short clause such as `octet above 255`, or empty for no detail. */
export function rejected(reason = ''): Normalized {
  return { ok: false, reason };
}
