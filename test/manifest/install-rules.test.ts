import { installProblems } from '../../src/manifest/install-rules';
import type { InstallFacts } from '../../src/manifest/manifest-files';

function facts(partial: Partial<InstallFacts>): InstallFacts {
  return { params: [], outputVariables: [], ...partial };
}

describe('installProblems', () => {
  it('finds nothing wrong with distinct names, sequences and outputs', () => {
    const install = facts({
      params: [
        { name: 'a', type: 'String', sequence: 1 },
        { name: 'b', type: 'String', sequence: 2 },
        { name: 'c', type: 'String' },
        { name: 'd', type: 'String' },
      ],
      outputVariables: [
        { name: 'ipqs.score', type: 'String' },
        { name: 'ipqs.score', type: 'StringArray' },
      ],
    });
    expect(installProblems(install)).toEqual([]);
  });

  it('reports a param name defined more than once', () => {
    const params = [1, 2, 3].map((sequence) => ({ name: 'a', type: 'String', sequence }));
    expect(installProblems(facts({ params }))).toEqual([
      'install.json: duplicate param name "a" (defined 3 times)',
    ]);
  });

  it('reports a sequence shared by several params, naming them', () => {
    const params = [
      { name: 'a', type: 'String', sequence: 1 },
      { name: 'b', type: 'String', sequence: 1 },
    ];
    expect(installProblems(facts({ params }))).toEqual([
      'install.json: duplicate param sequence 1 ("a", "b")',
    ]);
  });

  it('reports an output variable repeated with the same type', () => {
    const outputVariables = [
      { name: 'ipqs.score', type: 'String' },
      { name: 'ipqs.score', type: 'String' },
    ];
    expect(installProblems(facts({ outputVariables }))).toEqual([
      'install.json: duplicate output variable "ipqs.score" of type String (2 times)',
    ]);
  });
});
