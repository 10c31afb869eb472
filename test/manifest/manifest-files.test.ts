import { installFacts, layoutFacts } from '../../src/manifest/manifest-files';

describe('layoutFacts', () => {
  it('orders the input parameters by section sequence, then by position in the section', () => {
    const layout = {
      inputs: [
        { sequence: 2, title: 'Second', parameters: [{ name: 'c' }, { name: 'd', display: '1' }] },
        { sequence: 1, title: 'First', parameters: [{ name: 'a' }, { name: 'b' }] },
      ],
    };
    expect(layoutFacts(layout)).toEqual({
      parameters: [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd', display: '1' }],
      sectionSequences: [2, 1],
      outputs: [],
    });
  });

  it.each([[null], [{}], [{ inputs: [{ sequence: 1, title: 'T', parameters: 'a' }] }]])(
    'gives up on the shape %j',
    (data) => {
      expect(layoutFacts(data)).toBeUndefined();
    },
  );
});

describe('installFacts', () => {
  it('reads the params and output variables, defaulting both to empty', () => {
    expect(installFacts({ displayName: 'X' })).toEqual({ params: [], outputVariables: [] });
    const install = {
      params: [{ name: 'a', type: 'String', sequence: 1, label: 'A' }],
      playbook: { type: 'T', outputVariables: [{ name: 'o', type: 'String' }] },
    };
    expect(installFacts(install)).toEqual({
      params: [{ name: 'a', type: 'String', sequence: 1 }],
      outputVariables: [{ name: 'o', type: 'String' }],
    });
  });

  it('gives up when params is not a list of named params', () => {
    expect(installFacts({ params: [{ type: 'String' }] })).toBeUndefined();
  });
});
