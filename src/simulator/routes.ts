/**
 * Reads an incoming request the way IPQS does: the lookup type from the path, the key from the path,
 * the `key` query or form field, or the `IPQS-KEY` header, and the value from the path or the
 * `{type}` query or form field. Pure: it sees only the method, raw URL, headers and body text.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { LOOKUP_TYPES } from '../ipqs/fields';
import type { LookupType } from '../ipqs/fields';

/** Where a request goes, from its method and path alone. */
export type Route =
  | {
      readonly kind: 'lookup';
      readonly type: LookupType;
      /** Still percent-encoded: `/api/json/{type}/{key}/{value}`. */
      readonly pathKey: string | undefined;
      readonly pathValue: string | undefined;
      readonly query: string;
    }
  | { readonly kind: 'stats' }
  | { readonly kind: 'reset-stats' }
  | { readonly kind: 'not-found'; readonly path: string }
  | { readonly kind: 'method-not-allowed'; readonly allow: string };

/** What a lookup asks for once its body is read. `value` is undefined when absent or badly encoded. */
export interface LookupRequest {
  readonly type: LookupType;
  readonly key: string | undefined;
  readonly value: string | undefined;
  /** The phone lookup's first `country` / `country[]` parameter. */
  readonly country: string | undefined;
}

function isLookupType(text: string | undefined): text is LookupType {
  return (LOOKUP_TYPES as readonly (string | undefined)[]).includes(text);
}

function control(method: string, expected: string, route: Route): Route {
  return method === expected ? route : { kind: 'method-not-allowed', allow: expected };
}

/** The route of a request: a lookup, a control endpoint, or an error. */
export function routeOf(method: string, rawUrl: string): Route {
  const queryAt = rawUrl.indexOf('?');
  const path = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  const query = queryAt === -1 ? '' : rawUrl.slice(queryAt + 1);
  if (path === '/__stats') return control(method, 'GET', { kind: 'stats' });
  if (path === '/__reset') return control(method, 'POST', { kind: 'reset-stats' });
  // split the raw path by hand: URL parsing would resolve `..` and mangle unencoded URL values
  const [empty, api, format, type, key, ...rest] = path.split('/');
  if (empty !== '' || api !== 'api' || format !== 'json' || !isLookupType(type)) {
    return { kind: 'not-found', path };
  }
  if (method !== 'GET' && method !== 'POST') return { kind: 'method-not-allowed', allow: 'GET, POST' };
  const value = rest.join('/');
  return {
    kind: 'lookup',
    type,
    pathKey: key || undefined,
    pathValue: value || undefined,
    query,
  };
}

function decoded(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function isForm(headers: IncomingHttpHeaders): boolean {
  const type = header(headers, 'content-type');
  return type === undefined || type.toLowerCase().startsWith('application/x-www-form-urlencoded');
}

/** The key, value and country of a lookup: path first, then query and form fields, then the header. */
export function lookupRequest(
  route: Extract<Route, { kind: 'lookup' }>,
  headers: IncomingHttpHeaders,
  body: string,
): LookupRequest {
  const params = new URLSearchParams(route.query);
  if (body !== '' && isForm(headers)) {
    for (const [name, value] of new URLSearchParams(body)) params.append(name, value);
  }
  const key = decoded(route.pathKey) ?? params.get('key') ?? header(headers, 'ipqs-key');
  const value =
    route.pathValue === undefined ? (params.get(route.type) ?? undefined) : decoded(route.pathValue);
  const country = params.get('country[]') ?? params.get('country')?.split(',')[0];
  return { type: route.type, key: key?.trim() || undefined, value, country: country?.trim() || undefined };
}
