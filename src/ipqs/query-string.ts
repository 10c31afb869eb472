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
