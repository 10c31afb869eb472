import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src/errors';
import { FIELD_CATALOG, LOOKUP_TYPES } from '../../src/ipqs/fields';
import { README_COMMANDS, readmeDrift, renderSections } from '../../src/docs/readme-sections';
import {
  outputsMarkdown,
  paramsMarkdown,
  simulatorMarkdown,
  verdictsMarkdown,
} from '../../src/docs/readme-tables';
import { OUTPUT_TABLE } from '../../src/outputs/output-table';
import type { Ladder } from '../../src/verdicts/ladders';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');
const readJson = (file: string): unknown => JSON.parse(read(file));

/** The cells of every table row of some markdown (header and separator rows included). */
function rowsOf(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
}

describe('README.md', () => {
  const readme = read('README.md');

  it('has generated sections equal to what the code renders (else run `npm run docs`)', () => {
    const sections = renderSections({
      install: readJson('install.json'),
      layout: readJson('layout.json'),
      simulatorReadme: read('src/simulator/README.md'),
    });
    expect(readmeDrift(readme, sections)).toBeUndefined();
  });

  it('starts with the two commands a new user runs, right under the title', () => {
    const opening = readme.split('\n').slice(0, 6).join('\n');
    expect(opening).toBe(`# IPQS Fraud and Risk Scoring for ThreatConnect\n\n${README_COMMANDS}`);
    expect(README_COMMANDS).toContain('npm ci && npm start   # a full local run');
    expect(README_COMMANDS).toContain('npm test              # the whole test suite');
  });
});

describe('paramsMarkdown', () => {
  const install = {
    params: [
      { name: 'api_key', label: 'API Key', type: 'String', encrypt: true, required: true, note: 'the key' },
      {
        name: 'mode',
        label: 'Mode',
        type: 'Choice',
        default: 'Fast',
        validValues: ['Fast', 'Slow'],
        note: 'pick a | b',
      },
      { name: 'fast', label: 'Fast', type: 'Boolean', default: false, note: 'go fast' },
      { name: 'base_url', label: 'Base URL', type: 'String', hidden: true, default: 'https://x.example' },
    ],
  };
  const layout = {
    inputs: [
      { sequence: 2, title: 'Options', parameters: [{ name: 'fast' }] },
      { sequence: 1, title: 'Configure', parameters: [{ name: 'api_key' }, { name: 'mode' }] },
    ],
  };

  it('renders one table per layout section in sequence order, then the params the layout hides', () => {
    const markdown = paramsMarkdown(install, layout);
    const headings = markdown.split('\n').filter((line) => line.startsWith('###'));
    expect(headings).toEqual(['### Configure', '### Options', '### Hidden']);
    expect(markdown).toContain('### Hidden\n\nNot shown in the playbook editor');
  });

  it.each([
    ['api_key', ['`api_key`', 'API Key', 'String, required, encrypted', '', 'the key']],
    ['mode', ['`mode`', 'Mode', 'Choice (`Fast`, `Slow`)', '`Fast`', 'pick a \\| b']],
    ['fast', ['`fast`', 'Fast', 'Boolean', '`false`', 'go fast']],
    ['base_url', ['`base_url`', 'Base URL', 'String', '`https://x.example`', '']],
  ])('writes the %s row as name, label, type, default and notes', (name, row) => {
    const rows = rowsOf(paramsMarkdown(install, layout));
    expect(rows.filter((cells) => cells[0] === `\`${name}\``)).toEqual([row]);
  });

  it('lists every param of the real install.json exactly once', () => {
    const rows = rowsOf(paramsMarkdown(readJson('install.json'), readJson('layout.json')));
    const params = (readJson('install.json') as { params: { name: string }[] }).params;
    for (const { name } of params) {
      expect(rows.filter((cells) => cells[0] === `\`${name}\``)).toHaveLength(1);
    }
  });

  it('refuses a layout that names a param install.json lacks', () => {
    const broken = { inputs: [{ sequence: 1, title: 'Configure', parameters: [{ name: 'ghost' }] }] };
    expect(() => paramsMarkdown(install, broken)).toThrow(
      new AppError('layout.json: Configure names ghost, which install.json lacks'),
    );
  });

  it('refuses an install.json without a params list', () => {
    expect(() => paramsMarkdown({}, layout)).toThrow(AppError);
    expect(() => paramsMarkdown({}, layout)).toThrow(
      /^install\.json: cannot render the params table \(params:/,
    );
  });
});

describe('outputsMarkdown', () => {
  it('renders the summary outputs, the field outputs per type and the v1.0 names as tables', () => {
    const markdown = outputsMarkdown([
      { name: 'ipqs.score', types: ['String', 'StringArray'], note: 'score | 0-100', group: 'generic' },
      { name: 'ipqs.ip.vpn', types: ['String', 'StringArray'], note: 'suspected VPN', group: 'ip' },
      { name: 'ipqs.ipreputation.json.raw', types: ['String'], note: 'raw', group: 'compat' },
    ]);
    expect(markdown).toBe(
      [
        '### Results and counts',
        '',
        '| output | types | meaning |',
        '| --- | --- | --- |',
        '| `ipqs.score` | String, StringArray | score \\| 0-100 |',
        '',
        '### IP addresses: `ipqs.ip.*`',
        '',
        'String and StringArray, named `ipqs.ip.<field>`:',
        '',
        '| field | value | meaning |',
        '| --- | --- | --- |',
        '| `vpn` | `true` / `false` | suspected VPN |',
        '',
        '### Compatibility with the v1.0 app',
        '',
        '| output | types | meaning |',
        '| --- | --- | --- |',
        '| `ipqs.ipreputation.json.raw` | String | raw |',
      ].join('\n'),
    );
  });

  it('lists every output of the output table once', () => {
    const rows = rowsOf(outputsMarkdown());
    const named = new Set(rows.map((cells) => cells[0]));
    for (const spec of OUTPUT_TABLE.filter((entry) => !LOOKUP_TYPES.includes(entry.group as never))) {
      expect(named).toContain(`\`${spec.name}\``);
    }
    for (const type of LOOKUP_TYPES) {
      const section = outputsMarkdown().split(`\`ipqs.${type}.*\``)[1]?.split('\n### ')[0] ?? '';
      const fields = rowsOf(section).map((cells) => cells[0]);
      expect(fields.slice(2)).toEqual(FIELD_CATALOG[type].map((field) => `\`${field.path}\``));
    }
  });

  it('marks personal data fields as needing include_personal_data', () => {
    const row = rowsOf(outputsMarkdown()).find((cells) => cells[0] === '`identity_data`');
    expect(row?.[2]).toMatch(/personal data: needs include_personal_data/);
  });
});

describe('verdictsMarkdown', () => {
  const rows = rowsOf(verdictsMarkdown());

  it('gives one column per distinct ladder, naming every type that uses it', () => {
    expect(rows[0]).toEqual([
      'verdict',
      'threat rating',
      'ip (fraud_score)',
      'email (fraud_score)',
      'url, domain (risk_score)',
      'phone (fraud_score)',
    ]);
  });

  it.each([
    ['`CRITICAL`', '5', '100', '`disposable`', '`malware` or `phishing`', ''],
    ['`HIGH RISK`', '4', '85-99', '100', '90-100', '90-100'],
    ['`MODERATE RISK`', '3', '75-84', '88-99', '80-89', '`valid=false` or `active=false`'],
    ['`LOW RISK`', '2', '', '80-87', '70-79', '80-89'],
    ['`SUSPICIOUS`', '1', '60-74', '', '55-69', '50-79'],
    ['`INVALID`', '1', '', '`valid=false`', '', ''],
    ['`CLEAN`', '0', '0-59', '0-79', '0-54', '0-49'],
  ])('shows the %s row with its threat rating, score bands and flags', (...row) => {
    expect(rows.filter((cells) => cells[0] === row[0])).toEqual([row]);
  });

  it('orders the verdicts from the most severe down', () => {
    expect(rows.slice(2).map((cells) => cells[1])).toEqual(['5', '4', '3', '2', '1', '1', '0']);
  });

  it('combines a band and a flag of one verdict and lists the informative flags', () => {
    const ladder: Ladder = {
      scoreField: 'risk_score',
      bands: [
        { min: 50, verdict: 'HIGH RISK', reason: 'risk_score>=50' },
        { min: 0, verdict: 'CLEAN' },
      ],
      flags: [{ field: 'phishing', equals: true, verdict: 'HIGH RISK', reason: 'phishing' }],
      notes: [{ field: 'suspicious', equals: true, reason: 'suspicious' }],
    };
    const markdown = verdictsMarkdown({ url: ladder });
    expect(rowsOf(markdown).find((cells) => cells[0] === '`HIGH RISK`')).toEqual([
      '`HIGH RISK`',
      '4',
      '50-100 or `phishing`',
    ]);
    expect(markdown).toContain('- url: `suspicious`');
  });
});

describe('simulatorMarkdown', () => {
  const source = [
    '# Simulator',
    '',
    'Setup prose.',
    '',
    'Values pick the answer',
    'as follows:',
    '',
    '| value | answer |',
    '| --- | --- |',
    '| `a` | one |',
    '',
    'Failures:',
    '',
    '| K | answer |',
    '| --- | --- |',
    '| 1 | two |',
    '',
    'Keys: more.',
    '',
    'Unrelated closing prose.',
  ].join('\n');

  it('takes the tables with the paragraph before the first and the paragraph after the last', () => {
    const markdown = simulatorMarkdown(source);
    expect(markdown.startsWith('Values pick the answer\nas follows:\n\n| value | answer |')).toBe(true);
    expect(markdown.endsWith('| 1 | two |\n\nKeys: more.')).toBe(true);
    expect(markdown).toContain('Failures:');
    expect(markdown).not.toContain('Setup prose.');
    expect(markdown).not.toContain('Unrelated closing prose.');
  });

  it('takes both magic-value tables of the real simulator README', () => {
    const markdown = simulatorMarkdown(read('src/simulator/README.md'));
    expect(markdown).toContain('`203.0.113.N`');
    expect(markdown).toContain('`reset.example`');
  });

  it('refuses a README without a table', () => {
    expect(() => simulatorMarkdown('# Simulator\n\nNo tables here.')).toThrow(
      new AppError('src/simulator/README.md: no magic-value table found'),
    );
  });
});
