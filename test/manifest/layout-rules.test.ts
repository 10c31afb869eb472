import { layoutProblems } from '../../src/manifest/layout-rules';
import type { InstallFacts, LayoutFacts } from '../../src/manifest/manifest-files';

const INSTALL: InstallFacts = {
  params: [
    { name: 'indicator_type', type: 'Choice' },
    { name: 'ip_fast', type: 'Boolean' },
    { name: 'fail_on_error', type: 'Boolean' },
    { name: 'base_url', type: 'String', hidden: true },
    { name: 'server_key', type: 'String', serviceConfig: true },
  ],
  outputVariables: [
    { name: 'ipqs.score', type: 'String' },
    { name: 'ipqs.ip.vpn', type: 'String' },
  ],
};

function layout(partial: Partial<LayoutFacts>): LayoutFacts {
  return {
    parameters: [
      { name: 'indicator_type' },
      { name: 'ip_fast', display: "indicator_type in ('IP Address')" },
      { name: 'fail_on_error' },
    ],
    sectionSequences: [1, 2],
    outputs: [{ name: 'ipqs.score', display: '1' }],
    ...partial,
  };
}

describe('layoutProblems', () => {
  it('accepts every visible param once, hidden and serviceConfig params left out', () => {
    expect(layoutProblems(INSTALL, layout({}))).toEqual([]);
  });

  it('reports a visible param listed twice', () => {
    const parameters = [
      { name: 'indicator_type' },
      { name: 'ip_fast' },
      { name: 'fail_on_error' },
      { name: 'ip_fast' },
    ];
    expect(layoutProblems(INSTALL, layout({ parameters }))).toEqual([
      'layout.json: param "ip_fast" appears 2 times in inputs',
    ]);
  });

  it.each<[string, string]>([
    ['nope', 'layout.json: input "nope" is not a param of install.json'],
    ['base_url', 'layout.json: input "base_url" is a hidden param'],
    ['server_key', 'layout.json: input "server_key" is a serviceConfig param'],
  ])('reports the input %s', (name, problem) => {
    const parameters = [...layout({}).parameters, { name }];
    expect(layoutProblems(INSTALL, layout({ parameters }))).toEqual([problem]);
  });

  it.each<[string, string]>([
    ["nope = 'x'", 'layout.json: input "fail_on_error" display references unknown param "nope"'],
    [
      "base_url = 'x'",
      'layout.json: input "fail_on_error" display references "base_url", which is not in layout inputs',
    ],
    [
      "fail_on_error = 'true'",
      'layout.json: input "fail_on_error" display references "fail_on_error", which comes later in layout order',
    ],
    [
      "indicator_type in ('x",
      'layout.json: input "fail_on_error" display clause has an unterminated string literal',
    ],
  ])('reports the input display clause %s', (display, problem) => {
    const parameters = [{ name: 'indicator_type' }, { name: 'ip_fast' }, { name: 'fail_on_error', display }];
    expect(layoutProblems(INSTALL, layout({ parameters }))).toEqual([problem]);
  });

  it('accepts a clause over params of earlier sections, whatever the case of the names', () => {
    const parameters = [
      { name: 'indicator_type' },
      { name: 'ip_fast' },
      { name: 'fail_on_error', display: "IP_FAST = 'true' and Indicator_Type in ('URL')" },
    ];
    expect(layoutProblems(INSTALL, layout({ parameters }))).toEqual([]);
  });

  it('lets an output clause reference any param in layout but no other', () => {
    const outputs = [
      { name: 'ipqs.ip.vpn', display: "fail_on_error = 'true'" },
      { name: 'ipqs.score', display: "base_url = 'x'" },
    ];
    expect(layoutProblems(INSTALL, layout({ outputs }))).toEqual([
      'layout.json: output "ipqs.score" display references "base_url", which is not in layout inputs',
    ]);
  });

  it('reports an output listed twice and an output not declared in install.json', () => {
    const outputs = [
      { name: 'ipqs.score', display: '1' },
      { name: 'ipqs.score', display: '1' },
      { name: 'ipqs.nope', display: '1' },
    ];
    expect(layoutProblems(INSTALL, layout({ outputs }))).toEqual([
      'layout.json: output "ipqs.score" is listed more than once',
      'layout.json: output "ipqs.nope" is not in install.json playbook.outputVariables',
    ]);
  });

  it('reports two sections with one sequence', () => {
    expect(layoutProblems(INSTALL, layout({ sectionSequences: [1, 2, 2] }))).toEqual([
      'layout.json: duplicate input section sequence 2',
    ]);
  });
});
