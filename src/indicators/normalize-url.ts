/**
 * URLs: http, https or ftp, normalized by the WHATWG URL parser (scheme and host lower case, IDN host in
 * punycode, `http://` added when the scheme is missing). The host must be an IP address or a real-looking domain.
 */
import { isCidr } from './normalize-ip';
import { normalizeDomain } from './normalize-domain';
import { accepted, rejected } from './normalize-result';
import type { Normalized } from './normalize-result';

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'ftp:']);
// A scheme, but not `host:port` (`example.com:8080/x`), which has digits after the colon.
const SCHEME = /^([a-z][a-z0-9+.-]*):(?!\d+(?:[/?#]|$))/i;
// Without a scheme: a host (no credentials, no spaces), an optional port, then a path, query or fragment.
const SCHEMELESS_WITH_PATH = /^[^\s/?#@\\]+(?::\d+)?[/?#]/;
const SCHEMELESS_HOST = /^[^\s/?#@\\]+(?::\d+)?(?:[/?#]|$)/;
const WHATWG_IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const MAX_SCHEME_SHOWN = 20;

export interface UrlRules {
  /** Refuse a bare host (`example.com`): auto-detect calls that a domain, and only a scheme or path makes a URL. */
  readonly requireSchemeOrPath?: boolean;
}

/** The scheme a value starts with (`javascript`, `https`), or undefined when it has none. */
export function schemeOf(raw: string): string | undefined {
  return SCHEME.exec(raw)?.[1];
}

function hostProblem(url: URL): string | undefined {
  const host = url.hostname;
  if (host === '') return 'no host';
  if (host.startsWith('[') || WHATWG_IPV4.test(host)) return undefined;
  const domain = normalizeDomain(host, { allowUnderscore: true });
  return domain.ok ? undefined : `host: ${domain.reason}`;
}

function parse(text: string): Normalized {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return rejected('not parseable');
  }
  const problem = hostProblem(url);
  return problem === undefined ? accepted(url.href) : rejected(problem);
}

/** Normalizes a URL such as `HTTP://Example.COM/Path` to `http://example.com/Path`, or says why it is not one. */
export function normalizeUrl(raw: string, rules: UrlRules = {}): Normalized {
  if (isCidr(raw)) return rejected('an IP range in CIDR notation');
  const scheme = schemeOf(raw);
  if (scheme !== undefined) {
    if (!ALLOWED_PROTOCOLS.has(`${scheme.toLowerCase()}:`)) {
      return rejected(`scheme "${scheme.slice(0, MAX_SCHEME_SHOWN)}" is not http, https or ftp`);
    }
    return parse(raw);
  }
  const shape = rules.requireSchemeOrPath ? SCHEMELESS_WITH_PATH : SCHEMELESS_HOST;
  if (!shape.test(raw)) {
    return rejected(rules.requireSchemeOrPath ? 'no scheme and no path' : 'no host');
  }
  return parse(`http://${raw}`);
}
