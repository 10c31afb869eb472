import type { IndicatorItem } from '../../src/indicators/indicator-input';
import { planBatch, shown } from '../../src/pipeline/plan';
import { pipelineApp } from '../helpers/pipeline';

const values = (...list: string[]): IndicatorItem[] => list.map((value) => ({ value }));

describe('planBatch', () => {
  describe('type precedence', () => {
    it.each<[string, string, IndicatorItem, string, string]>([
      ['auto-detects a bare host', 'Auto-Detect', { value: 'example.com' }, 'domain', 'example.com'],
      [
        "follows a TCEntity's own type over Auto-Detect",
        'Auto-Detect',
        { value: 'example.com', tcType: 'URL' },
        'url',
        'http://example.com/',
      ],
      [
        'auto-detects when the TCEntity type is none of ours',
        'Auto-Detect',
        { value: 'example.com', tcType: 'CIDR' },
        'domain',
        'example.com',
      ],
      [
        "lets indicator_type win over a TCEntity's type",
        'Domain',
        { value: 'example.com', tcType: 'URL' },
        'domain',
        'example.com',
      ],
      [
        'lets indicator_type win over auto-detection',
        'URL',
        { value: 'example.com' },
        'url',
        'http://example.com/',
      ],
      [
        'lets indicator_type win over an entity of another kind',
        'IP Address',
        { value: '8.8.8.8', tcType: 'EmailAddress' },
        'ip',
        '8.8.8.8',
      ],
    ])('%s (%s, %j -> %s)', (_label, choice, item, type, indicator) => {
      const [planned] = planBatch([item], pipelineApp({ indicator_type: choice })).indicators;
      expect(planned).toMatchObject({ type, indicator, key: `${type}:${indicator}`, invalid: undefined });
    });

    it.each<[string, IndicatorItem, string]>([
      ['Auto-Detect', { value: 'example.com', tcType: 'Address' }, 'example.com: not an IP address'],
      ['Email Address', { value: '8.8.8.8' }, '8.8.8.8: not an email address (no @)'],
      ['Email Address', { value: '8.8.8.8', tcType: 'Address' }, '8.8.8.8: not an email address (no @)'],
    ])('with %s, fails %j that is not of the type it must be', (choice, item, invalid) => {
      const [planned] = planBatch([item], pipelineApp({ indicator_type: choice })).indicators;
      expect(planned).toStrictEqual({
        index: 0,
        indicator: item.value,
        type: undefined,
        key: undefined,
        invalid,
        typePosition: -1,
      });
    });
  });

  it('gives the same key to the same indicator however it was written', () => {
    const plan = planBatch(
      values(
        '8.8.8.8',
        '8[.]8[.]8[.]8',
        'someone@Example.COM',
        'someone@example.com',
        'EXAMPLE.com',
        'example.com',
      ),
      pipelineApp(),
    );
    expect(plan.indicators.map((p) => p.key)).toStrictEqual([
      'ip:8.8.8.8',
      'ip:8.8.8.8',
      'email:someone@example.com',
      'email:someone@example.com',
      'domain:example.com',
      'domain:example.com',
    ]);
  });

  it('keeps a domain and a URL of the same host apart', () => {
    const plan = planBatch(values('example.com', 'http://example.com/'), pipelineApp());
    expect(plan.indicators.map((p) => p.key)).toStrictEqual([
      'domain:example.com',
      'url:http://example.com/',
    ]);
  });

  it.each<[string, string, string]>([
    ['a bad IP', '10.0.0.300', '10.0.0.300: not an IP address (octet above 255)'],
    [
      'an unknown kind',
      'not a thing',
      'not a thing: not an IP address, email address, URL, domain or phone number',
    ],
    ['an empty value', '', '(empty): empty value'],
    ['control characters', 'bad\nvalue\u0001', 'bad value: contains control characters'],
    [
      'a long value (cut)',
      'x'.repeat(100),
      `${'x'.repeat(77)}...: not an IP address, email address, URL, domain or phone number`,
    ],
  ])(
    'fails %s with no type, no key, no type position and a one-line "value: reason"',
    (_label, value, invalid) => {
      const [planned] = planBatch([{ value }], pipelineApp()).indicators;
      expect(planned).toStrictEqual({
        index: 0,
        indicator: value,
        type: undefined,
        key: undefined,
        invalid,
        typePosition: -1,
      });
      expect(invalid).not.toMatch(/[\r\n]/);
    },
  );

  it('numbers indicators within their lookup type, url and domain sharing one count', () => {
    const plan = planBatch(
      values(
        '8.8.8.8',
        'example.com',
        'someone@example.com',
        '10.0.0.300',
        'https://a.example/',
        '1.1.1.1',
        '+14155550123',
        '8.8.8.8',
        'b.example',
      ),
      pipelineApp(),
    );
    expect(plan.indicators.map((p) => [p.index, p.type, p.typePosition])).toStrictEqual([
      [0, 'ip', 0],
      [1, 'domain', 0],
      [2, 'email', 0],
      [3, undefined, -1],
      [4, 'url', 1],
      [5, 'ip', 1],
      [6, 'phone', 0],
      // a duplicate keeps its own place: the per-type outputs follow the input
      [7, 'ip', 2],
      [8, 'domain', 2],
    ]);
    expect(plan.typeCounts).toStrictEqual({ ip: 3, email: 1, url: 3, phone: 1 });
  });

  it('counts nothing for an empty batch', () => {
    expect(planBatch([], pipelineApp())).toStrictEqual({
      indicators: [],
      typeCounts: { ip: 0, email: 0, url: 0, phone: 0 },
      keyUses: new Map(),
    });
  });

  it('reads national phone numbers with the first phone country', () => {
    const items = values('8007132618');
    expect(planBatch(items, pipelineApp({ phone_countries: 'US,GB' })).indicators[0]).toMatchObject({
      type: 'phone',
      indicator: '+18007132618',
      key: 'phone:+18007132618',
    });
    expect(planBatch(items, pipelineApp()).indicators[0]).toMatchObject({
      type: undefined,
      invalid: '8007132618: not a valid phone number (no country code and no default country)',
    });
  });

  it('counts how often each lookup key occurs, so an answer is kept only until its last duplicate', () => {
    const plan = planBatch(
      values('8.8.8.8', 'hxxp://a[.]example/x', '8.8.8.8', 'not valid', 'http://a.example/x'),
      pipelineApp(),
    );
    expect(plan.keyUses).toStrictEqual(
      new Map([
        ['ip:8.8.8.8', 2],
        ['url:http://a.example/x', 2],
      ]),
    );
  });
});

describe('shown', () => {
  it.each([
    ['a line feed and a carriage return', 'a\nb\rc', 'a b c'],
    ['the Unicode line and paragraph separators', 'a\u2028b\u2029c', 'a b c'],
    ['a right-to-left override', 'evil\u202Egpj.exe', 'evil gpj.exe'],
    ['zero-width and byte-order marks', '\uFEFFa\u200Bb', 'a b'],
  ])('blanks out %s, so the error stays one line in display order', (_, value, expected) => {
    expect(shown(value)).toBe(expected);
  });

  it('cuts a long value to 80 characters', () => {
    expect(shown('x'.repeat(1 << 20))).toBe(`${'x'.repeat(77)}...`);
  });
});
