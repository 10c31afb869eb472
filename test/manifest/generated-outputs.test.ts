import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  layoutOutputs,
  layoutOutputsDrift,
  outputVariablesDrift,
  typeDisplayClause,
  withGeneratedLayoutOutputs,
  withGeneratedOutputVariables,
} from '../../src/manifest/generated-outputs';
import { OUTPUT_TABLE, outputVariables } from '../../src/outputs/output-table';

const ROOT = path.resolve(__dirname, '../..');

function readJson(file: string): { playbook: { outputVariables: unknown[] }; outputs: unknown[] } {
  return JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as never;
}

describe('the generated parts of the real manifests', () => {
  it('keeps install.json playbook.outputVariables equal to the output table (else run `npm run manifest`)', () => {
    const actual = readJson('install.json').playbook.outputVariables as { name: string; type: string }[];
    expect(outputVariablesDrift(actual)).toBeUndefined();
    expect(actual).toEqual(outputVariables());
  });

  it('keeps layout.json outputs equal to the output table (else run `npm run manifest`)', () => {
    const actual = readJson('layout.json').outputs as { name: string; display: string }[];
    expect(layoutOutputsDrift(actual)).toBeUndefined();
    expect(actual).toEqual(layoutOutputs());
  });
});

describe('typeDisplayClause', () => {
  it.each([
    ['ip', "indicator_type in ('Auto-Detect', 'IP Address')"],
    ['email', "indicator_type in ('Auto-Detect', 'Email Address')"],
    ['url', "indicator_type in ('Auto-Detect', 'URL', 'Domain')"],
    ['phone', "indicator_type in ('Auto-Detect', 'Phone Number')"],
  ] as const)('shows %s params and outputs for %s', (type, clause) => {
    expect(typeDisplayClause(type)).toBe(clause);
  });
});

describe('layoutOutputs', () => {
  it('lists every output name of the table once, in table order', () => {
    expect(layoutOutputs().map((output) => output.name)).toEqual(OUTPUT_TABLE.map((spec) => spec.name));
  });

  it.each([
    ['ipqs.verdict', '1'],
    ['ipqs.high_risk.count', '1'],
    ['ipqs.urlreputation.json.raw', '1'],
    ['ipqs.ip.vpn', "indicator_type in ('Auto-Detect', 'IP Address')"],
    ['ipqs.email.domain_age.iso', "indicator_type in ('Auto-Detect', 'Email Address')"],
    ['ipqs.url.risk_score', "indicator_type in ('Auto-Detect', 'URL', 'Domain')"],
    ['ipqs.phone.carrier', "indicator_type in ('Auto-Detect', 'Phone Number')"],
  ])('shows %s when %s', (name, display) => {
    expect(layoutOutputs().find((output) => output.name === name)).toEqual({ name, display });
  });
});

describe('withGeneratedOutputVariables', () => {
  it('replaces only playbook.outputVariables, keeping the other fields and their order', () => {
    const install = {
      displayName: 'X',
      playbook: { type: 'Data Enrichment', outputVariables: [] },
      programMain: 'run.py',
    };
    const result = withGeneratedOutputVariables(install);
    expect(Object.keys(result)).toEqual(['displayName', 'playbook', 'programMain']);
    expect(result.playbook).toEqual({ type: 'Data Enrichment', outputVariables: outputVariables() });
    expect(install.playbook.outputVariables).toEqual([]);
  });

  it('adds a playbook section when there is none', () => {
    expect(withGeneratedOutputVariables({}).playbook).toEqual({ outputVariables: outputVariables() });
  });
});

describe('withGeneratedLayoutOutputs', () => {
  it('replaces only the outputs', () => {
    const inputs = [{ sequence: 1, title: 'Configure', parameters: [] }];
    expect(withGeneratedLayoutOutputs({ inputs, outputs: [] })).toEqual({ inputs, outputs: layoutOutputs() });
  });
});

describe('outputVariablesDrift', () => {
  it('names what is missing and what is unexpected, a few at a time', () => {
    const actual = [...outputVariables().slice(4), { name: 'ipqs.old', type: 'String' }];
    expect(outputVariablesDrift(actual)).toBe(
      'install.json: playbook.outputVariables differ from the output table (missing ipqs.indicator (String), ' +
        'ipqs.indicator (StringArray), ipqs.indicator_type (String) and 1 more; unexpected ipqs.old (String)): ' +
        'run `npm run manifest`',
    );
  });

  it('notices the same entries in another order', () => {
    expect(outputVariablesDrift([...outputVariables()].reverse())).toBe(
      'install.json: playbook.outputVariables differ from the output table (same entries in another order): ' +
        'run `npm run manifest`',
    );
  });
});

describe('layoutOutputsDrift', () => {
  it('notices a changed display clause', () => {
    const actual = layoutOutputs().map((output) =>
      output.name === 'ipqs.ip.vpn' ? { name: output.name } : output,
    );
    expect(layoutOutputsDrift(actual)).toMatch(
      /^layout\.json: outputs differ from the output table \(missing ipqs\.ip\.vpn \[indicator_type in .*\]; unexpected ipqs\.ip\.vpn \[\]\)/,
    );
  });
});
