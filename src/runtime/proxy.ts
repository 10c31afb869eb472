/** The proxy the platform configured (tc_proxy_*), for the calls it applies to: TC API or external (IPQS). */
import type { TcParams } from '../tc/params';

export interface ProxySettings {
  readonly host: string;
  readonly port: number;
  readonly username?: string;
  readonly password?: string;
}

/** The proxy when `enabled` (tc_proxy_tc or tc_proxy_external) and a host and port are set. */
export function proxyFor(tc: TcParams, enabled: boolean): ProxySettings | undefined {
  if (!enabled || !tc.tc_proxy_host || !tc.tc_proxy_port) return undefined;
  return {
    host: tc.tc_proxy_host,
    port: tc.tc_proxy_port,
    ...(tc.tc_proxy_username ? { username: tc.tc_proxy_username } : {}),
    ...(tc.tc_proxy_password ? { password: tc.tc_proxy_password } : {}),
  };
}
