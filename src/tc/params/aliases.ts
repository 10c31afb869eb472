/**
 * tcex2/3 spellings of the standard params, mapped to the tcex4 names (contract §3.4). Which spelling the
 * platform sends today is not documented, so both are accepted.
 */
import { isBlank } from './values';

/** Old name -> new name. */
export const PARAM_ALIASES: Readonly<Record<string, string>> = {
  tc_playbook_db_type: 'tc_kvstore_type',
  tc_playbook_db_path: 'tc_kvstore_host',
  tc_playbook_db_port: 'tc_kvstore_port',
  tc_playbook_db_context: 'tc_playbook_kvstore_context',
  api_access_id: 'tc_api_access_id',
  api_secret_key: 'tc_api_secret_key',
  logging: 'tc_log_level',
  apply_proxy_tc: 'tc_proxy_tc',
  apply_proxy_external: 'tc_proxy_external',
  apply_proxy_ext: 'tc_proxy_external',
};

/**
 * The params with every old name replaced by its new one. When both spellings are present the new name
 * wins unless it is blank; the old key is dropped either way.
 */
export function normalizeParamNames(raw: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...raw };
  for (const [oldName, newName] of Object.entries(PARAM_ALIASES)) {
    if (!Object.hasOwn(result, oldName)) continue;
    const value = result[oldName];
    delete result[oldName];
    if (isBlank(result[newName])) result[newName] = value;
  }
  return result;
}
