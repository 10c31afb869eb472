import { styleText } from 'node:util';
import { lookupRow } from '../../src/commands/lookup-row';
import type { LookupRow } from '../../src/commands/lookup-row';
import { formatTable, VERDICT_STYLES, wantsColour } from '../../src/commands/lookup-table';
import { VERDICT_NAMES } from '../../src/verdicts';
import type { VerdictName } from '../../src/verdicts';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

function enriched(indicator: string, verdict: VerdictName, reasons: string[] = []): LookupRow {
  return lookupRow({
    index: 0,
    indicator,
    type: 'ip',
    outcome: {
      kind: 'enriched',
      data: {},
      verdict: { verdict, score: 42, reasons, threatRating: 0 },
      cached: false,
    },
  });
}

const FAILED = lookupRow({
  index: 2,
  indicator: 'nope',
  type: undefined,
  outcome: { kind: 'failed', error: 'nope: not an IP address' },
});

describe('formatTable', () => {
  it('lays out the header and rows in aligned columns, in the order given', () => {
    const rows = [
      enriched('198.51.100.1', 'CLEAN'),
      enriched('203.0.113.9', 'HIGH RISK', ['tor', 'vpn']),
      FAILED,
    ];
    expect(formatTable(rows, { colour: false }).split('\n')).toEqual([
      'indicator     type  verdict    score  reasons   error',
      '198.51.100.1  ip    CLEAN      42     -',
      '203.0.113.9   ip    HIGH RISK  42     tor; vpn',
      'nope          -     -          -      -         not an IP address',
      '',
    ]);
  });

  it('writes no escape code at all without colour, even from a value that carries one', () => {
    const text = formatTable([enriched('\u001b[31mevil', 'CRITICAL'), FAILED], { colour: false });
    expect(text).not.toMatch(ANSI);
    expect(text).toContain(' [31mevil');
  });

  it.each(VERDICT_NAMES.map((name) => [name]))(
    'colours the verdict %s on a terminal, and only it',
    (verdict) => {
      const rows = [enriched('198.51.100.1', verdict)];
      const [header, line] = formatTable(rows, { colour: true }).split('\n');
      expect(line).toContain(styleText(VERDICT_STYLES[verdict], verdict, { validateStream: false }));
      expect(header).not.toMatch(ANSI);
      // eslint-disable-next-line no-control-regex
      const plain = formatTable(rows, { colour: true }).replace(/\u001b\[\d+m/g, '');
      expect(plain).toBe(formatTable(rows, { colour: false }));
    },
  );

  it.each([
    ['HIGH RISK', '\u001b[31mHIGH RISK\u001b[39m'],
    ['CLEAN', '\u001b[32mCLEAN\u001b[39m'],
    ['MODERATE RISK', '\u001b[33mMODERATE RISK\u001b[39m'],
  ] as const)('writes %s with its ANSI colour', (verdict, expected) => {
    expect(formatTable([enriched('198.51.100.1', verdict)], { colour: true })).toContain(expected);
  });

  it('uses the documented colours', () => {
    expect(VERDICT_STYLES).toEqual({
      CRITICAL: ['bold', 'red'],
      'HIGH RISK': 'red',
      'MODERATE RISK': 'yellow',
      'LOW RISK': 'yellow',
      SUSPICIOUS: 'magenta',
      CLEAN: 'green',
      INVALID: 'gray',
    });
  });

  it('leaves a failed row uncoloured', () => {
    expect(formatTable([FAILED], { colour: true })).not.toMatch(ANSI);
  });
});

describe('wantsColour', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [undefined, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
  ])('isTTY %s with env %j => %s', (isTTY, env, expected) => {
    expect(wantsColour({ isTTY }, env)).toBe(expected);
  });
});
