/**
 * The query string of an IPQS request. Values are percent-encoded with encodeURIComponent (so `+` in an
 * email, and `?`, `&`, `#` in a URL, reach IPQS intact; spaces are `%20`, never `+`). A list repeats its
 * key, and brackets in keys stay literal (`country[]=US&country[]=CA`), the PHP form convention IPQS
 * documents for phone countries.
 */

function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%5B/gi, '[').replace(/%5D/gi, ']');
}

/** `a=1&b=x%2By&country[]=US&country[]=CA` from `{a: '1', b: 'x+y', 'country[]': ['US', 'CA']}`. */
export function serializeParams(params: Readonly<Record<string, unknown>>): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    const values: unknown[] = Array.isArray(value) ? value : [value];
    for (const item of values) {
      pairs.push(`${encodeKey(key)}=${encodeURIComponent(String(item))}`);
    }
  }
  return pairs.join('&');
}

// the params of a batch are one object per lookup type, so their part of the query is built once
const paramsQueries = new WeakMap<object, Map<string, string>>();

/**
 * The query of one lookup: `{lookup}={value}` first, then `params` without `key` (the key travels in a
 * header) and without the lookup's own name. The params part is built once per params object.
 */
export function lookupQuery(
  lookup: string,
  value: string,
  params: Readonly<Record<string, string | readonly string[]>>,
): string {
  let byLookup = paramsQueries.get(params);
  if (!byLookup) {
    byLookup = new Map();
    paramsQueries.set(params, byLookup);
  }
  let rest = byLookup.get(lookup);
  if (rest === undefined) {
    const { key: _key, [lookup]: _value, ...others } = params;
    rest = serializeParams(others);
    byLookup.set(lookup, rest);
  }
  const head = `${encodeKey(lookup)}=${encodeURIComponent(value)}`;
  return rest === '' ? head : `${head}&${rest}`;
}
