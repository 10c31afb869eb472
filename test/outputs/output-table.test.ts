import { FIELD_CATALOG, LOOKUP_TYPES } from '../../src/ipqs/fields';
import { OUTPUT_TABLE, fieldOutputName, outputVariables } from '../../src/outputs/output-table';

function spec(name: string) {
  return OUTPUT_TABLE.find((entry) => entry.name === name);
}

describe('OUTPUT_TABLE', () => {
  it('lists each output name once', () => {
    const names = OUTPUT_TABLE.map((entry) => entry.name);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it.each([
    'ipqs.indicator',
    'ipqs.indicator_type',
    'ipqs.score',
    'ipqs.verdict',
    'ipqs.verdict_reasons',
    'ipqs.threat_rating',
    'ipqs.error',
    'ipqs.cached',
    'ipqs.json.raw',
  ])('offers the generic output %s as String and StringArray', (name) => {
    expect(spec(name)).toMatchObject({ types: ['String', 'StringArray'], group: 'generic' });
  });

  it.each(['ipqs.count', 'ipqs.success.count', 'ipqs.error.count', 'ipqs.high_risk.count'])(
    'offers the batch count %s as a String only',
    (name) => {
      expect(spec(name)).toMatchObject({ types: ['String'], group: 'count' });
    },
  );

  it('offers the high-risk indicators as a StringArray only', () => {
    expect(spec('ipqs.high_risk.indicators')).toMatchObject({ types: ['StringArray'] });
  });

  it.each(['ip', 'email', 'url', 'phone'])(
    'offers the v1.0 compatibility outputs of %s as Strings',
    (type) => {
      expect(spec(`ipqs.${type}reputation.json.raw`)).toMatchObject({ types: ['String'], group: 'compat' });
      expect(spec(`ipqs.${type}reputation.results.data`)).toMatchObject({
        types: ['String'],
        group: 'compat',
      });
    },
  );

  it.each(LOOKUP_TYPES)('has a String and StringArray output for every %s catalogue field', (type) => {
    const missing = FIELD_CATALOG[type]
      .map((field) => fieldOutputName(type, field.path))
      .filter((name) => spec(name)?.types.join() !== 'String,StringArray' || spec(name)?.group !== type);
    expect(missing).toEqual([]);
  });

  it('names field outputs ipqs.<type>.<path>', () => {
    expect(fieldOutputName('email', 'domain_age.iso')).toBe('ipqs.email.domain_age.iso');
    expect(spec('ipqs.ip.organization')).toBeDefined();
    expect(spec('ipqs.phone.number_recycling.ported')).toBeDefined();
  });

  it('says in the note of a personal data output that it needs include_personal_data', () => {
    expect(spec('ipqs.phone.name')?.note).toContain('include_personal_data');
    expect(spec('ipqs.phone.carrier')?.note).not.toContain('include_personal_data');
  });
});

describe('outputVariables', () => {
  it('lists every name with each of its types, in table order', () => {
    const expected = OUTPUT_TABLE.flatMap((entry) => entry.types.map((type) => `${entry.name}!${type}`));
    expect(outputVariables().map((entry) => `${entry.name}!${entry.type}`)).toEqual(expected);
  });

  it('starts with the generic outputs and ends with the compatibility outputs', () => {
    const list = outputVariables();
    expect(list.slice(0, 2)).toEqual([
      { name: 'ipqs.indicator', type: 'String' },
      { name: 'ipqs.indicator', type: 'StringArray' },
    ]);
    expect(list.at(-1)).toEqual({ name: 'ipqs.phonereputation.results.data', type: 'String' });
  });

  it('returns the same list on every call', () => {
    expect(outputVariables()).toEqual(outputVariables());
  });
});
