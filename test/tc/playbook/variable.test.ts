import {
  ARRAY_TYPES,
  EMBEDDED_VARIABLE_PATTERN,
  STANDARD_TYPES,
  formatVariable,
  isArrayType,
  isPlaybookVariable,
  isTcVariable,
  parseTcVariable,
  parseVariable,
} from '../../../src/tc/playbook/variable';

describe('parseVariable', () => {
  it.each<[string, string, string, string, string]>([
    ['#App:9876:ipqs.score!String', 'App', '9876', 'ipqs.score', 'String'],
    ['#Trigger:1:body!Binary', 'Trigger', '1', 'body', 'Binary'],
    ['#Global:22:shared_list!StringArray', 'Global', '22', 'shared_list', 'StringArray'],
    ['#App:7:out.items[0]-x!TCEnhancedEntityArray', 'App', '7', 'out.items[0]-x', 'TCEnhancedEntityArray'],
    ['#App:7:batch!TCBatch', 'App', '7', 'batch', 'TCBatch'],
    ['#App:7:thing!My_Custom-Type', 'App', '7', 'thing', 'My_Custom-Type'],
  ])('parses %s', (text, appType, jobId, key, type) => {
    expect(parseVariable(text)).toEqual({ text, appType, jobId, key, type });
    expect(isPlaybookVariable(text)).toBe(true);
  });

  it.each([
    ['an unknown app type', '#PBD:1:key!String'],
    ['a non-numeric job id', '#App:abc:key!String'],
    ['a missing type', '#App:1:key'],
    ['a key with a space', '#App:1:my key!String'],
    ['a custom type starting with a standard type name', '#App:1:key!Strings'],
    ['text around the variable', 'see #App:1:key!String'],
    ['a trailing space', '#App:1:key!String '],
    ['a TC variable', '&{TC:KEYCHAIN:key}'],
  ])('rejects %s', (_label, text) => {
    expect(parseVariable(text)).toBeUndefined();
    expect(isPlaybookVariable(text)).toBe(false);
  });

  it('says non-strings are not variables', () => {
    expect(isPlaybookVariable(42)).toBe(false);
    expect(isTcVariable(null)).toBe(false);
  });
});

describe('formatVariable', () => {
  it('builds the variable a downstream app requests, App by default', () => {
    expect(formatVariable({ jobId: 9876, key: 'ipqs.score', type: 'String' })).toBe(
      '#App:9876:ipqs.score!String',
    );
    expect(formatVariable({ appType: 'Trigger', jobId: '5', key: 'x', type: 'KeyValueArray' })).toBe(
      '#Trigger:5:x!KeyValueArray',
    );
  });

  it('produces text that parseVariable reads back', () => {
    const parts = { appType: 'Global' as const, jobId: '3', key: 'a.b', type: 'TCEntity' };
    expect(parseVariable(formatVariable(parts))).toMatchObject(parts);
  });
});

describe('type lists', () => {
  it('holds the ten standard types, five of them arrays', () => {
    expect(STANDARD_TYPES).toHaveLength(10);
    expect(ARRAY_TYPES.every((type) => isArrayType(type))).toBe(true);
    expect(isArrayType('String')).toBe(false);
    expect(isArrayType('TCBatch')).toBe(false);
  });
});

describe('parseTcVariable', () => {
  it.each<[string, string, string, string]>([
    ['&{TC:KEYCHAIN:ipqs_key}', 'TC', 'KEYCHAIN', 'ipqs_key'],
    ['&{TC:TEXT:4dc9202e-6945-4364-aa40-4b47655046d2}', 'TC', 'TEXT', '4dc9202e-6945-4364-aa40-4b47655046d2'],
    ['&{Vault:FILE:certs.pem}', 'Vault', 'FILE', 'certs.pem'],
  ])('parses %s', (text, provider, type, key) => {
    expect(parseTcVariable(text)).toEqual({ text, provider, type, key });
    expect(isTcVariable(text)).toBe(true);
  });

  it.each(['&{TC:SECRET:x}', '&{Other:TEXT:x}', '&TC:TEXT:x', '&{TC:TEXT:x} ', '#App:1:x!String'])(
    'rejects %s',
    (text) => {
      expect(parseTcVariable(text)).toBeUndefined();
    },
  );
});

describe('EMBEDDED_VARIABLE_PATTERN', () => {
  it('finds every playbook and TC variable inside a longer string, with origin and type', () => {
    const text =
      'ip #App:1:ip!String list #Trigger:2:ips!StringArray key &{TC:KEYCHAIN:k1} bin #App:3:b!Binary';
    const found = [...text.matchAll(EMBEDDED_VARIABLE_PATTERN)].map((m) => [
      m[0],
      m.groups?.origin,
      m.groups?.type,
    ]);
    expect(found).toEqual([
      ['#App:1:ip!String', '#', 'String'],
      ['#Trigger:2:ips!StringArray', '#', 'StringArray'],
      ['&{TC:KEYCHAIN:k1}', '&', undefined],
      ['#App:3:b!Binary', '#', 'Binary'],
    ]);
  });

  it('finds nothing in plain text', () => {
    expect([...'1.1.1.1, user@example.com #hashtag'.matchAll(EMBEDDED_VARIABLE_PATTERN)]).toEqual([]);
  });
});
