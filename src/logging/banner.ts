/**
 * The start-up banner tcex writes at the top of every log: what app, which version, on what runtime, and
 * which proxy settings the process inherited (credentials masked).
 */
import os from 'node:os';
import type { Log } from './log';

export interface BannerInfo {
  readonly appName: string;
  readonly appVersion: string;
  readonly appId?: string;
  readonly features: readonly string[];
  readonly runtimeLevel: string;
  readonly minServerVersion?: string;
}

/** The proxy variables tcex logs, in both spellings curl and axios honour. */
const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy'];

// `scheme://user:pass@host` or a bare `user:pass@host`; masking up to the LAST '@' errs on the safe side
// when a password holds an unencoded '@' or '/'
const PROXY_CREDENTIALS = /^((?:[a-z][a-z0-9+.-]*:\/\/)?)\S*@/i;

/** A proxy URL with any user:password replaced by `***:***`, as tcex logs it. */
export function maskProxyCredentials(value: string): string {
  return value.replace(PROXY_CREDENTIALS, '$1***:***@');
}

/** Logs the banner at INFO: app identity, runtime, and the proxy environment. */
export function logBanner(log: Log, info: BannerInfo, env: NodeJS.ProcessEnv = process.env): void {
  log.info('app-info', {
    'app-name': info.appName,
    'app-version': info.appVersion,
    'app-id': info.appId,
    'app-features': info.features.join(','),
    'app-runtime-level': info.runtimeLevel,
    'app-minimum-threatconnect-version': info.minServerVersion,
  });
  log.info('runtime-info', {
    'node-version': process.version,
    platform: `${os.type()}-${os.release()}-${process.arch}`,
    pid: process.pid,
  });
  for (const name of PROXY_VARIABLES) {
    const value = env[name];
    if (value !== undefined && value !== '')
      log.info('proxy-env', { name, value: maskProxyCredentials(value) });
  }
}
