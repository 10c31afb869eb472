/** The Redis connection the platform gives a run (the `tc_kvstore_*` params), for the playbook store and the cache. */
import type { TcParams } from '../params';

export interface RedisConnectionSettings {
  readonly host: string;
  readonly port: number;
  readonly user?: string;
  readonly password?: string;
  readonly tlsEnabled: boolean;
  readonly tlsPort: number;
  readonly caFile?: string;
  readonly certFile?: string;
  readonly keyFile?: string;
}

export function redisConnectionOf(tc: TcParams): RedisConnectionSettings {
  return {
    host: tc.tc_kvstore_host,
    port: tc.tc_kvstore_port,
    tlsEnabled: tc.tc_kvstore_tls_enabled,
    tlsPort: tc.tc_kvstore_tls_port,
    ...(tc.tc_kvstore_user ? { user: tc.tc_kvstore_user } : {}),
    ...(tc.tc_kvstore_pass ? { password: tc.tc_kvstore_pass } : {}),
    ...(tc.tc_svc_broker_cacert_file ? { caFile: tc.tc_svc_broker_cacert_file } : {}),
    ...(tc.tc_svc_broker_cert_file ? { certFile: tc.tc_svc_broker_cert_file } : {}),
    ...(tc.tc_svc_broker_key_file ? { keyFile: tc.tc_svc_broker_key_file } : {}),
  };
}
