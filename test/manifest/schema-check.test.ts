import { schemaProblems } from '../../src/manifest/schema-check';

const MINIMAL_INSTALL = {
  displayName: 'Fixture App',
  features: [],
  languageVersion: '3.11',
  listDelimiter: '|',
  programLanguage: 'PYTHON',
  programMain: 'run.py',
  programVersion: '1.0.0',
  runtimeLevel: 'Playbook',
};

describe('schemaProblems', () => {
  it('accepts a minimal install.json', () => {
    expect(schemaProblems('install.json', MINIMAL_INSTALL)).toEqual([]);
  });

  it.each(['3193e12c-02a7-4c9a-a20c-ca4f9eda0c2a', '3193e12c-02a7-5c9a-a20c-ca4f9eda0c2a'])(
    'accepts the UUID4 and UUID5 appId %s',
    (appId) => {
      expect(schemaProblems('install.json', { ...MINIMAL_INSTALL, appId })).toEqual([]);
    },
  );

  it('rejects an appId that is no UUID4 or UUID5', () => {
    expect(schemaProblems('install.json', { ...MINIMAL_INSTALL, appId: 'not-a-uuid' })).toEqual([
      'install.json: schema: /appId must match format "uuid4"; must match format "uuid5"; must match a schema in anyOf',
    ]);
  });

  it('names every missing required property in one line', () => {
    expect(schemaProblems('install.json', { displayName: 'Fixture App', features: [] })).toEqual([
      'install.json: schema: top level must have required properties languageVersion, listDelimiter, ' +
        'programLanguage, programMain, programVersion, runtimeLevel',
    ]);
  });

  it('names the param whose entry breaks the schema', () => {
    const install = {
      ...MINIMAL_INSTALL,
      params: [{ label: 'X', name: 'ip_fast', type: 'Boolean', default: 1 }],
    };
    expect(schemaProblems('install.json', install)).toEqual([
      'install.json: schema: /params/0/default (param "ip_fast") must be boolean; must be string; must match a schema in anyOf',
    ]);
  });

  it('rejects an output variable without a type', () => {
    const install = {
      ...MINIMAL_INSTALL,
      playbook: { type: 'Utility', outputVariables: [{ name: 'ipqs.score' }] },
    };
    expect(schemaProblems('install.json', install)).toEqual([
      'install.json: schema: /playbook/outputVariables/0 must have required properties type',
    ]);
  });

  it('rejects a layout section without a title', () => {
    expect(schemaProblems('layout.json', { inputs: [{ sequence: 1, parameters: [] }] })).toEqual([
      'layout.json: schema: /inputs/0 must have required properties title',
    ]);
  });

  it('accepts a layout with sections and outputs', () => {
    const layout = {
      inputs: [{ sequence: 1, title: 'Configure', parameters: [{ name: 'a' }, { name: 'b', display: '1' }] }],
      outputs: [{ name: 'ipqs.score', display: '1' }],
    };
    expect(schemaProblems('layout.json', layout)).toEqual([]);
  });
});
