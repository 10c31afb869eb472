import { formatEvent, formatLine } from '../../src/logging/log-line';
import { SecretRegistry } from '../../src/logging/secrets';

const circular: Record<string, unknown> = { name: 'loop' };
circular.self = circular;

describe('formatEvent', () => {
  it.each([
    ['a bare word stays bare', { type: 'ip' }, 'event=e type=ip'],
    [
      'numbers and booleans print as written',
      { status: 200, ok: true, n: 10n },
      'event=e status=200 ok=true n=10',
    ],
    ['a value with a space is JSON-quoted', { msg: 'two words' }, 'event=e msg="two words"'],
    ['a value with a double quote is JSON-quoted', { msg: 'say "hi"' }, 'event=e msg="say \\"hi\\""'],
    ['a value with a single quote is JSON-quoted', { msg: "it's" }, 'event=e msg="it\'s"'],
    ['a value with = is JSON-quoted', { q: 'a=b' }, 'event=e q="a=b"'],
    ['an empty string is quoted so it stays visible', { q: '' }, 'event=e q=""'],
    ['a newline is escaped inside the quotes', { msg: 'one\ntwo' }, 'event=e msg="one\\ntwo"'],
    ['an Error shows its message', { error: new Error('socket hang up') }, 'event=e error="socket hang up"'],
    [
      'a nested object is JSON',
      { detail: { a: 1, b: ['x', null] } },
      'event=e detail={"a":1,"b":["x",null]}',
    ],
    [
      'an Error inside an object is its message',
      { detail: { cause: new Error('boom') } },
      'event=e detail={"cause":"boom"}',
    ],
    ['a cycle is cut', { detail: circular }, 'event=e detail={"name":"loop","self":"[Circular]"}'],
    ['null prints as null', { value: null }, 'event=e value=null'],
    ['undefined fields are left out', { value: undefined, kept: 1 }, 'event=e kept=1'],
    ['a Date is ISO', { at: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)) }, 'event=e at=2026-01-02T03:04:05.000Z'],
    ['a key with a space is made safe', { 'bad key': 1 }, 'event=e bad_key=1'],
    ['a symbol shows its description', { s: Symbol('tag') }, 'event=e s=Symbol(tag)'],
    ['a function shows its name', { f: function lookup(): void {} }, 'event=e f="[function lookup]"'],
  ])('%s', (_case, fields, expected) => {
    expect(formatEvent('e', fields)).toBe(expected);
  });

  it('keeps fields in the order given, after the event', () => {
    expect(formatEvent('ipqs-request', { type: 'ip', status: 200, ms: 143 })).toBe(
      'event=ipqs-request type=ip status=200 ms=143',
    );
  });

  it('renders a field whose getter throws as [unrenderable] instead of throwing', () => {
    const hostile = {
      get value(): string {
        throw new Error('no');
      },
    };
    expect(formatEvent('e', { hostile })).toBe('event=e hostile=[unrenderable]');
  });
});

describe('formatLine', () => {
  const at = new Date(Date.UTC(2026, 10, 29, 12, 0, 0));

  it.each([
    ['trace', 'TRACE'],
    ['debug', 'DEBUG'],
    ['info', 'INFO'],
    ['warning', 'WARNING'],
    ['error', 'ERROR'],
    ['critical', 'CRITICAL'],
  ] as const)('writes level %s as %s in the tcex layout', (level, name) => {
    expect(formatLine(level, 'ipqs-request', { type: 'ip', status: 200 }, undefined, at)).toBe(
      `2026-11-29T12:00:00.000Z - ipqs-tc - ${name} - event=ipqs-request type=ip status=200`,
    );
  });

  it('keeps one event on one line whatever the event name or keys hold', () => {
    const line = formatLine('info', 'multi\nline', { 'key\r\nx': 'a\u2028b' }, undefined, at);
    expect(line).not.toMatch(/[\r\n\u2028\u2029]/);
    expect(line).toContain('\\n');
  });

  it('masks a secret that quoting would have escaped twice', () => {
    const secrets = new SecretRegistry();
    secrets.add('pa"ss\\word');
    const body = JSON.stringify({ token: 'pa"ss\\word' });
    const line = formatLine('info', 'e', { body }, secrets, at);
    expect(line).not.toContain('pa');
    expect(line).toContain('***');
  });
});
