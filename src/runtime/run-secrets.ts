/**
 * Registers every secret a run holds with the redactor, as soon as it is known: the platform's credentials
 * (tcex's `Sensitive` params) and the app's encrypted params. Values that are still variable references
 * are skipped; their resolved values are registered after resolution.
 */
import type { SecretRegistry } from '../logging/secrets';
import { isVariableReference } from '../tc/params';
import { ENCRYPTED_PARAMS } from './app-manifest';

const PLATFORM_SECRETS = [
  'tc_token',
  'tc_api_secret_key',
  'api_secret_key',
  'tc_kvstore_pass',
  'tc_proxy_password',
  'tc_cal_token',
] as const;

export function registerParamSecrets(
  params: Readonly<Record<string, unknown>>,
  secrets: SecretRegistry,
): void {
  for (const name of [...PLATFORM_SECRETS, ...ENCRYPTED_PARAMS]) {
    const value = params[name];
    if (typeof value === 'string' && !isVariableReference(value)) secrets.add(value);
  }
}
