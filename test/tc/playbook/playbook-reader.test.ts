import nock from 'nock';
import type Redis from 'ioredis';
import { VariableError } from '../../../src/errors';
import { SecretRegistry } from '../../../src/logging/secrets';
import type { KvStore } from '../../../src/tc/kvstore/kv-store';
import { openKvStore } from '../../../src/tc/kvstore/open-kv-store';
import { PlaybookReader } from '../../../src/tc/playbook/playbook-reader';
import { createTcApiClient } from '../../../src/tc/tc-api';
import { redisHostPort, testRedis, uniqueContext } from '../../helpers/redis';

const HOST = 'https://tc.example.test';
const tcApi = createTcApiClient({ apiPath: `${HOST}/api`, token: 'APIV2:1:2:reader-token' });
const hello = Buffer.from([0x00, 0xff, 0x68, 0x65, 0x6c, 0x6c, 0x6f]);

// The context exactly as upstream Python tcex apps write it: json.dumps bytes (", " / ": " separators,
// \uXXXX escapes), Binary as quoted base64, custom types raw.
const STAGED: Record<string, string> = {
  '#App:1:s!String': '"caf\\u00e9"',
  '#App:1:smile!String': '"smile \\ud83d\\ude00"',
  '#App:1:sa!StringArray': '["a", "b\\u00e9", null]',
  '#App:1:b!Binary': '"AP9oZWxsbw=="',
  '#App:1:ba!BinaryArray': '["AP9oZWxsbw==", null]',
  '#App:1:kv!KeyValue': '{"key": "k", "value": "v"}',
  '#App:1:kva!KeyValueArray': '[{"key": "a", "value": "1"}, {"key": "b", "value": ["x", "y"]}]',
  '#App:1:e!TCEntity': '{"id": "1", "value": "1.1.1.1", "type": "Address"}',
  '#App:1:ea!TCEntityArray':
    '[{"id": "1", "value": "1.1.1.1", "type": "Address"}, {"id": "2", "value": "bad.example", "type": "Host"}]',
  '#App:1:ee!TCEnhancedEntity': '{"indicator": [{"summary": "1.1.1.1"}]}',
  '#App:1:batch!TCBatch': '{"indicator": [], "group": []}',
  '#App:1:custom!MyType': 'raw bytes here',
  '#Trigger:2:t!String': '"from trigger"',
  '#App:1:tmpl!String': '"hello #App:1:s!String"',
  '#App:1:deep!String': '"deep #App:1:tmpl!String"',
  '#App:1:ref!String': '"#App:1:s!String"',
  '#App:1:dollar!String': '"cost $& more"',
  '#App:1:kvref!KeyValue': '{"key": "k", "value": "#App:1:sa!StringArray"}',
  '#App:1:kvaemb!KeyValueArray': '[{"key": "a", "value": "x #App:1:s!String"}, {"key": "b", "value": 7}]',
  '#App:1:bad!KeyValue': '[1, 2]',
};

let raw: Redis;
let kv: KvStore;

beforeAll(async () => {
  raw = testRedis();
  const context = uniqueContext('reader');
  await raw.hset(context, STAGED);
  kv = await openKvStore({ type: 'Redis', context, ...redisHostPort() });
});

afterAll(async () => {
  await kv.close();
  await raw.quit();
});

function reader(secrets = new SecretRegistry()): PlaybookReader {
  return new PlaybookReader({ kv, tcApi, secrets });
}

describe('PlaybookReader.readVariable', () => {
  it.each<[string, unknown]>([
    ['#App:1:s!String', 'caf\u00e9'],
    ['#App:1:smile!String', 'smile \u{1F600}'],
    ['#App:1:sa!StringArray', ['a', 'b\u00e9', null]],
    ['#App:1:b!Binary', hello],
    ['#App:1:ba!BinaryArray', [hello, null]],
    ['#App:1:kv!KeyValue', { key: 'k', value: 'v' }],
    [
      '#App:1:kva!KeyValueArray',
      [
        { key: 'a', value: '1' },
        { key: 'b', value: ['x', 'y'] },
      ],
    ],
    ['#App:1:e!TCEntity', { id: '1', value: '1.1.1.1', type: 'Address' }],
    [
      '#App:1:ea!TCEntityArray',
      [
        { id: '1', value: '1.1.1.1', type: 'Address' },
        { id: '2', value: 'bad.example', type: 'Host' },
      ],
    ],
    ['#App:1:ee!TCEnhancedEntity', '{"indicator": [{"summary": "1.1.1.1"}]}'],
    ['#App:1:batch!TCBatch', { indicator: [], group: [] }],
    ['#App:1:custom!MyType', 'raw bytes here'],
    ['#Trigger:2:t!String', 'from trigger'],
    ['#App:1:missing!String', null],
    ['#App:1:missing!StringArray', null],
  ])('reads %s written by a Python app as its typed value', async (variable, expected) => {
    await expect(reader().readVariable(variable)).resolves.toEqual(expected);
  });

  it('reads Binary as a Buffer', async () => {
    expect(Buffer.isBuffer(await reader().readVariable('#App:1:b!Binary'))).toBe(true);
  });

  it.each<[string, string, unknown]>([
    ['expands variables embedded in a stored String', '#App:1:tmpl!String', 'hello caf\u00e9'],
    ['expands only one level deep', '#App:1:deep!String', 'deep hello #App:1:s!String'],
    ['keeps a String that is exactly a variable as data', '#App:1:ref!String', '#App:1:s!String'],
    [
      'resolves a KeyValue value that is a variable',
      '#App:1:kvref!KeyValue',
      { key: 'k', value: ['a', 'b\u00e9', null] },
    ],
    [
      'expands variables embedded in KeyValueArray values',
      '#App:1:kvaemb!KeyValueArray',
      [
        { key: 'a', value: 'x caf\u00e9' },
        { key: 'b', value: 7 },
      ],
    ],
  ])('%s', async (_label, variable, expected) => {
    await expect(reader().readVariable(variable)).resolves.toEqual(expected);
  });

  it('rejects a stored value that does not match its type with a VariableError naming the variable', async () => {
    await expect(reader().readVariable('#App:1:bad!KeyValue')).rejects.toThrow(
      new VariableError(
        'Invalid stored value for #App:1:bad!KeyValue: expected an object with "key" and "value", got an array',
      ),
    );
  });

  it('rejects text that is not a playbook variable', async () => {
    await expect(reader().readVariable('plain text')).rejects.toThrow(
      new VariableError('Not a playbook variable: plain text'),
    );
  });
});

describe('PlaybookReader.resolveInput', () => {
  it('reads an exact playbook variable, ignoring surrounding spaces', async () => {
    await expect(reader().resolveInput(' #App:1:e!TCEntity ')).resolves.toEqual({
      id: '1',
      value: '1.1.1.1',
      type: 'Address',
    });
  });

  it('resolves an exact KEYCHAIN variable and registers the secret', async () => {
    nock(HOST).get('/api/internal/variable/runtime/TC/ipqs_key').reply(200, { data: 'keychain-secret' });
    const secrets = new SecretRegistry();

    await expect(reader(secrets).resolveInput('&{TC:KEYCHAIN:ipqs_key}')).resolves.toBe('keychain-secret');
    expect(secrets.redact('keychain-secret')).toBe('***');
  });

  it.each<[string, string, string]>([
    [
      'Strings, arrays and objects (as Python JSON), Binary as <binary> and missing values as <null>',
      'IP #App:1:s!String list #App:1:sa!StringArray bin #App:1:b!Binary gone #App:1:none!String kv #App:1:kv!KeyValue',
      'IP caf\u00e9 list ["a", "b\\u00e9", null] bin <binary> gone <null> kv {"key": "k", "value": "v"}',
    ],
    ['every occurrence of a variable', 'x #App:1:s!String y #App:1:s!String', 'x caf\u00e9 y caf\u00e9'],
    ['values holding replacement patterns literally', 'price: #App:1:dollar!String', 'price: cost $& more'],
    ['a stored template without expanding it again', 'see #App:1:tmpl!String', 'see hello #App:1:s!String'],
    ['nothing in plain text', '1.1.1.1, 8.8.8.8', '1.1.1.1, 8.8.8.8'],
  ])('replaces embedded variables: %s', async (_label, input, expected) => {
    await expect(reader().resolveInput(input)).resolves.toBe(expected);
  });

  it('replaces an embedded TC variable with its value', async () => {
    nock(HOST).get('/api/internal/variable/runtime/TC/greeting').reply(200, { data: 'hi' });

    await expect(reader().resolveInput('say &{TC:TEXT:greeting} to #App:1:t!String')).resolves.toBe(
      'say hi to <null>',
    );
  });

  it('resolves each string of an array, mixing literals and variables', async () => {
    await expect(
      reader().resolveInput([
        '1.1.1.1',
        '#App:1:s!String',
        '#App:1:sa!StringArray',
        'ip #App:1:s!String',
        5,
        null,
      ]),
    ).resolves.toEqual(['1.1.1.1', 'caf\u00e9', ['a', 'b\u00e9', null], 'ip caf\u00e9', 5, null]);
  });

  it('resolves the value of each KeyValueList entry one level deep', async () => {
    await expect(
      reader().resolveInput([
        { key: 'plain', value: 'text' },
        { key: 'var', value: '#App:1:kv!KeyValue' },
        { key: 'embedded', value: 'x #App:1:s!String', type: 'String' },
        { key: 'number', value: 3 },
      ]),
    ).resolves.toEqual([
      { key: 'plain', value: 'text' },
      { key: 'var', value: { key: 'k', value: 'v' } },
      { key: 'embedded', value: 'x caf\u00e9', type: 'String' },
      { key: 'number', value: 3 },
    ]);
  });

  it.each<[string, unknown]>([
    ['a number', 42],
    ['a boolean', true],
    ['null', null],
    ['an object', { a: '#App:1:s!String' }],
  ])('returns %s unchanged', async (_label, value) => {
    await expect(reader().resolveInput(value)).resolves.toEqual(value);
  });
});
