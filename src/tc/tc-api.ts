/**
 * The ThreatConnect API client: an axios instance rooted at `tc_api_path` that signs every request with
 * the run's TC-Token (or the HMAC access id + secret key) and turns every failure into a `TcApiError`
 * whose message holds the method, the path and the status, never a header.
 */
import { createHmac } from 'node:crypto';
import https from 'node:https';
import axios, { isAxiosError } from 'axios';
import type { AxiosInstance, AxiosProxyConfig, InternalAxiosRequestConfig } from 'axios';
import { TcApiError } from '../errors';

/** How to reach and authenticate to the TC API (the `tc_*` params). */
export interface TcApiOptions {
  readonly apiPath: string;
  readonly token?: string;
  readonly accessId?: string;
  readonly secretKey?: string;
  /** `tc_verify`: false accepts any TLS certificate (self-signed test instances). */
  readonly verify?: boolean;
  readonly proxy?: { host: string; port: number; username?: string; password?: string };
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** Creates the TC API client; credentials are checked when a request is made, not here. */
export function createTcApiClient(options: TcApiOptions): AxiosInstance {
  const client = axios.create({
    baseURL: options.apiPath.replace(/\/+$/, ''),
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    httpsAgent: options.verify === false ? new https.Agent({ rejectUnauthorized: false }) : undefined,
    proxy: options.proxy ? proxyConfig(options.proxy) : undefined,
  });
  client.interceptors.request.use((config) => signRequest(config, options));
  client.interceptors.response.use(undefined, (error: unknown) => Promise.reject(toTcApiError(error)));
  return client;
}

function proxyConfig(proxy: NonNullable<TcApiOptions['proxy']>): AxiosProxyConfig {
  const auth =
    proxy.username !== undefined ? { username: proxy.username, password: proxy.password ?? '' } : undefined;
  return { protocol: 'http', host: proxy.host, port: proxy.port, auth };
}

function signRequest(config: InternalAxiosRequestConfig, options: TcApiOptions): InternalAxiosRequestConfig {
  const method = (config.method ?? 'get').toUpperCase();
  const timestamp = String(Math.floor(Date.now() / 1000));
  if (options.token) {
    config.headers.set('Authorization', `TC-Token ${options.token}`);
  } else if (options.accessId && options.secretKey) {
    const signature = hmacSignature(options.secretKey, `${requestPath(config)}:${method}:${timestamp}`);
    config.headers.set('Authorization', `TC ${options.accessId}:${signature}`);
  } else {
    throw new TcApiError(
      `TC API ${method} ${safePath(config.url)} not sent: no credentials (tc_token or tc_api_access_id + tc_api_secret_key)`,
    );
  }
  config.headers.set('Timestamp', timestamp);
  return config;
}

/** base64(HMAC-SHA256(secret, message)), the TC HMAC signature. */
export function hmacSignature(secretKey: string, message: string): string {
  return createHmac('sha256', secretKey).update(message, 'utf8').digest('base64');
}

/**
 * The path and query exactly as the http adapter will send them (`/api/v2/...?a=b`): the URL is
 * normalised by `new URL`, then params are appended, the same steps axios' adapter takes.
 */
function requestPath(config: InternalAxiosRequestConfig): string {
  const parsed = new URL(axios.getUri({ baseURL: config.baseURL, url: config.url }));
  return axios.getUri({
    url: parsed.pathname + parsed.search,
    params: config.params as unknown,
    paramsSerializer: config.paramsSerializer,
  });
}

/** The request path without its query: queries may carry a token (`/appAuth?expiredToken=`). */
function safePath(url: string | undefined): string {
  return (url ?? '').split('?')[0] ?? '';
}

function toTcApiError(error: unknown): TcApiError {
  if (error instanceof TcApiError) return error;
  if (!isAxiosError(error)) {
    // Only the code or class name: the message of an arbitrary error may quote the URL and its query.
    const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
    const reason = typeof code === 'string' ? code : typeof name === 'string' ? name : 'unknown error';
    return new TcApiError(`TC API request failed: ${reason}`);
  }
  // Only the method, path, status and error code are copied: the axios error holds the auth headers,
  // so it is not kept as the cause.
  const method = (error.config?.method ?? 'get').toUpperCase();
  const status = error.response?.status;
  const reason = status !== undefined ? `HTTP ${status}` : (error.code ?? 'no response');
  return new TcApiError(`TC API ${method} ${safePath(error.config?.url)} failed: ${reason}`, status);
}
