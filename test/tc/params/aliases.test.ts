import { normalizeParamNames } from '../../../src/tc/params/aliases';

describe('normalizeParamNames', () => {
  it.each([
    ['tc_playbook_db_type', 'tc_kvstore_type', 'Redis'],
    ['tc_playbook_db_path', 'tc_kvstore_host', 'redis.local'],
    ['tc_playbook_db_port', 'tc_kvstore_port', '6380'],
    ['tc_playbook_db_context', 'tc_playbook_kvstore_context', 'ctx-1'],
    ['api_access_id', 'tc_api_access_id', '1234'],
    ['api_secret_key', 'tc_api_secret_key', 'shh-secret'],
    ['logging', 'tc_log_level', 'debug'],
    ['apply_proxy_tc', 'tc_proxy_tc', true],
    ['apply_proxy_external', 'tc_proxy_external', true],
    ['apply_proxy_ext', 'tc_proxy_external', 'true'],
  ])('renames %s to %s', (oldName, newName, value) => {
    expect(normalizeParamNames({ [oldName]: value, other: 1 })).toEqual({ [newName]: value, other: 1 });
  });

  it('keeps the new name when both spellings are present and drops the old one', () => {
    expect(normalizeParamNames({ tc_playbook_db_type: 'Mock', tc_kvstore_type: 'Redis' })).toEqual({
      tc_kvstore_type: 'Redis',
    });
  });

  it('takes the old value when the new name is present but blank', () => {
    expect(
      normalizeParamNames({ tc_playbook_db_context: 'ctx-old', tc_playbook_kvstore_context: '' }),
    ).toEqual({
      tc_playbook_kvstore_context: 'ctx-old',
    });
  });

  it('leaves its input unchanged', () => {
    const raw = { logging: 'info' };
    normalizeParamNames(raw);
    expect(raw).toEqual({ logging: 'info' });
  });
});
