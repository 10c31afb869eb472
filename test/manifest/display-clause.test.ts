import { displayClauseIdentifiers } from '../../src/manifest/display-clause';

describe('displayClauseIdentifiers', () => {
  it.each<[string, string[]]>([
    ["indicator_type in ('Auto-Detect', 'IP Address')", ['indicator_type']],
    ["tc_action not in ('')", ['tc_action']],
    ['1', []],
    ["enrichment_type in ('IP Address') AND fail_on_error = 'true'", ['enrichment_type', 'fail_on_error']],
    ["a = 'x' or b is not null", ['a', 'b']],
    ["name like 'in and or %'", ['name']],
    ["note = 'it''s fail_on_error'", ['note']],
    ['"indicator_type" in (\'URL\')', ['indicator_type']],
    ["lower(Indicator_Type) = 'url'", ['indicator_type']],
    ["x in ('a') or X in ('b')", ['x']],
    ['max_retries > 2.5', ['max_retries']],
  ])('reads the params of %s', (clause, expected) => {
    expect(displayClauseIdentifiers(clause)).toEqual({ ok: true, identifiers: expected });
  });

  it.each<[string, string]>([
    ["indicator_type in ('URL)", 'has an unterminated string literal'],
    ['', 'is empty'],
    ['  ', 'is empty'],
  ])('refuses %j because it %s', (clause, reason) => {
    expect(displayClauseIdentifiers(clause)).toEqual({ ok: false, reason });
  });
});
