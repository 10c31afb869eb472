import os from 'node:os';
import { InputValidationError } from '../../../src/errors';
import { parseTcParams } from '../../../src/tc/params/tc-params';

const BASE = { tc_playbook_kvstore_context: 'ctx-1' };

function issuesOf(raw: Record<string, unknown>): readonly { name: string; reason: string }[] {
  try {
    parseTcParams(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(InputValidationError);
    return (error as InputValidationError).issues;
  }
  throw new Error('expected an InputValidationError');
}

describe('parseTcParams', () => {
  it('fills the tcex defaults', () => {
    expect(parseTcParams(BASE)).toEqual({
      tc_api_path: undefined,
      tc_token: undefined,
      tc_token_expires: undefined,
      tc_api_access_id: undefined,
      tc_api_secret_key: undefined,
      tc_verify: true,
      tc_in_path: os.tmpdir(),
      tc_out_path: os.tmpdir(),
      tc_temp_path: os.tmpdir(),
      tc_log_path: 'log',
      tc_log_file: 'app.log',
      tc_log_level: 'info',
      tc_log_max_bytes: 10_485_760,
      tc_log_backup_count: 25,
      tc_proxy_host: undefined,
      tc_proxy_port: undefined,
      tc_proxy_username: undefined,
      tc_proxy_password: undefined,
      tc_proxy_tc: false,
      tc_proxy_external: false,
      tc_kvstore_type: 'Redis',
      tc_kvstore_host: 'localhost',
      tc_kvstore_port: 6379,
      tc_kvstore_user: undefined,
      tc_kvstore_pass: undefined,
      tc_kvstore_tls_enabled: false,
      tc_kvstore_tls_port: 6379,
      tc_playbook_kvstore_id: 0,
      tc_cache_kvstore_id: 10,
      tc_playbook_kvstore_context: 'ctx-1',
      tc_playbook_out_variables: [],
      tc_svc_broker_cacert_file: undefined,
      tc_svc_broker_cert_file: undefined,
      tc_svc_broker_key_file: undefined,
      tc_job_id: undefined,
      tc_user_id: undefined,
    });
  });

  it('reads numbers and booleans that arrive as strings, and treats blanks as missing', () => {
    const params = parseTcParams({
      ...BASE,
      tc_kvstore_port: '6380',
      tc_kvstore_tls_enabled: 'true',
      tc_verify: 'false',
      tc_token_expires: '1700000000',
      tc_cache_kvstore_id: '3',
      tc_proxy_port: 3128,
      tc_proxy_external: '1',
      tc_job_id: 42,
      tc_log_path: '',
      tc_kvstore_host: '  ',
    });
    expect(params).toMatchObject({
      tc_kvstore_port: 6380,
      tc_kvstore_tls_enabled: true,
      tc_verify: false,
      tc_token_expires: 1_700_000_000,
      tc_cache_kvstore_id: 3,
      tc_proxy_port: 3128,
      tc_proxy_external: true,
      tc_job_id: '42',
      tc_log_path: 'log',
      tc_kvstore_host: 'localhost',
    });
  });

  it.each([
    ['debug', 'debug'],
    ['DEBUG', 'debug'],
    ['Trace', 'trace'],
    ['warn', 'warning'],
    ['WARN', 'warning'],
    ['warning', 'warning'],
    ['CRITICAL', 'critical'],
  ])('accepts log level %s as %s', (given, expected) => {
    expect(parseTcParams({ ...BASE, tc_log_level: given }).tc_log_level).toBe(expected);
  });

  it.each([
    [
      ['#App:1:a!String', ' #App:1:b!StringArray '],
      ['#App:1:a!String', '#App:1:b!StringArray'],
    ],
    ['#App:1:a!String, #App:1:b!String,,', ['#App:1:a!String', '#App:1:b!String']],
    ['#App:1:a!String', ['#App:1:a!String']],
    [['', ' '], []],
  ])('reads tc_playbook_out_variables %j as %j', (given, expected) => {
    expect(parseTcParams({ ...BASE, tc_playbook_out_variables: given }).tc_playbook_out_variables).toEqual(
      expected,
    );
  });

  it.each([
    [{ tc_kvstore_type: 'redis' }, 'Redis'],
    [{ tc_kvstore_type: 'tckeyvalueapi', tc_api_path: 'https://tc.example/api' }, 'TCKeyValueAPI'],
    [{ tc_kvstore_type: 'Mock' }, 'Mock'],
  ])('accepts KV store type %j', (raw, expected) => {
    expect(parseTcParams({ ...BASE, ...raw }).tc_kvstore_type).toBe(expected);
  });

  it('needs no context for the Mock KV store', () => {
    expect(parseTcParams({ tc_kvstore_type: 'Mock' }).tc_playbook_kvstore_context).toBeUndefined();
  });

  it('drops trailing slashes from tc_api_path', () => {
    expect(parseTcParams({ ...BASE, tc_api_path: 'https://tc.example/api/' }).tc_api_path).toBe(
      'https://tc.example/api',
    );
  });

  it.each([
    [{}, [{ name: 'tc_playbook_kvstore_context', reason: 'required when tc_kvstore_type is Redis' }]],
    [
      { tc_kvstore_type: 'TCKeyValueAPI' },
      [
        { name: 'tc_api_path', reason: 'required when tc_kvstore_type is TCKeyValueAPI' },
        { name: 'tc_playbook_kvstore_context', reason: 'required when tc_kvstore_type is TCKeyValueAPI' },
      ],
    ],
    [
      { ...BASE, tc_kvstore_port: '0' },
      [{ name: 'tc_kvstore_port', reason: 'must be an integer from 1 to 65535 (got "0")' }],
    ],
    [
      { ...BASE, tc_kvstore_port: 65536 },
      [{ name: 'tc_kvstore_port', reason: 'must be an integer from 1 to 65535 (got 65536)' }],
    ],
    [
      { ...BASE, tc_verify: 'sometimes' },
      [{ name: 'tc_verify', reason: 'must be true or false (got "sometimes")' }],
    ],
    [
      { ...BASE, tc_api_path: 'ftp://tc' },
      [{ name: 'tc_api_path', reason: 'must be an http(s) URL (got "ftp://tc")' }],
    ],
    [
      { ...BASE, tc_playbook_out_variables: [1] },
      [
        {
          name: 'tc_playbook_out_variables',
          reason: 'must be a list of strings or a comma-separated string',
        },
      ],
    ],
  ])('reports %j as %j', (raw, issues) => {
    expect(issuesOf(raw)).toEqual(issues);
  });

  it('reports every bad param together, in schema order, in one message', () => {
    const raw = {
      tc_log_level: 'verbose',
      tc_kvstore_type: 'Memcached',
      tc_log_max_bytes: '-1',
      tc_playbook_kvstore_id: '1.5',
      tc_proxy_tc: 'maybe',
    };
    let message = '';
    try {
      parseTcParams(raw);
    } catch (error) {
      expect(error).toBeInstanceOf(InputValidationError);
      message = (error as Error).message;
    }
    expect(message).toBe(
      [
        'Input validation errors',
        'tc_log_level: must be one of trace, debug, info, warning, error, critical (got "verbose")',
        'tc_log_max_bytes: must be an integer >= 0 (got "-1")',
        'tc_proxy_tc: must be true or false (got "maybe")',
        'tc_kvstore_type: must be one of Redis, TCKeyValueAPI, Mock (got "Memcached")',
        'tc_playbook_kvstore_id: must be an integer >= 0 (got "1.5")',
      ].join('\n'),
    );
  });

  it.each(['tc_token', 'tc_api_secret_key', 'tc_kvstore_pass', 'tc_proxy_password'])(
    'never shows a non-string %s in its reason',
    (name) => {
      expect(issuesOf({ ...BASE, [name]: 918273645 })).toEqual([
        { name, reason: 'must be a string (got a number)' },
      ]);
    },
  );

  it('ignores unknown keys', () => {
    expect(parseTcParams({ ...BASE, ipqs_api_key: 'x', tc_unknown: 1 })).not.toHaveProperty('ipqs_api_key');
  });
});
