/**
 * Resolves TC variables (`&{TC:KEYCHAIN:key}`, `TEXT`, `FILE`) through the TC API, like tcex
 * `Input.resolve_variable`: KEYCHAIN values are registered as secrets before anyone can log them.
 */
import type { AxiosInstance } from 'axios';
import { z } from 'zod';
import { TcApiError, VariableError, errorMessage } from '../../errors';
import type { SecretRegistry } from '../../logging/secrets';
import { parseTcVariable } from './variable';
import type { TcVariable } from './variable';

const runtimeVariableResponse = z.object({ data: z.string() });

/** The value of a TC variable: a Buffer for FILE, the string for TEXT and KEYCHAIN. */
export async function resolveTcVariable(
  ref: TcVariable | string,
  tcApi: AxiosInstance | undefined,
  secrets: SecretRegistry,
): Promise<string | Buffer> {
  const variable = typeof ref === 'string' ? parseTcVariable(ref) : ref;
  if (!variable)
    throw new VariableError(`Could not parse TC variable: ${typeof ref === 'string' ? ref : ''}`);
  const label = `provider=${variable.provider}, key=${variable.key}, type=${variable.type}`;
  if (!tcApi) throw new VariableError(`Could not retrieve variable: ${label} (no TC API credentials)`);

  let body: unknown;
  try {
    // The key pattern allows only URL-safe characters, so it goes into the path as is (like tcex).
    body = (await tcApi.get<unknown>(`/internal/variable/runtime/${variable.provider}/${variable.key}`)).data;
  } catch (error) {
    const reason =
      error instanceof TcApiError && error.status !== undefined
        ? `HTTP ${error.status}`
        : errorMessage(error);
    throw new VariableError(`Could not retrieve variable: ${label} (${reason})`);
  }
  const parsed = runtimeVariableResponse.safeParse(body);
  if (!parsed.success)
    throw new VariableError(`Could not retrieve variable: ${label} (response has no "data" string)`);

  const value = parsed.data.data;
  if (variable.type === 'FILE') return Buffer.from(value, 'base64');
  if (variable.type === 'KEYCHAIN') secrets.add(value);
  return value;
}
