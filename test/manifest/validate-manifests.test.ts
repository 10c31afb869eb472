import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ManifestError } from '../../src/errors';
import { outputVariables } from '../../src/outputs/output-table';
import { assertValidManifests, validateManifests } from '../../src/manifest/validate-manifests';

const ROOT = path.resolve(__dirname, '../..');
const APPS = path.join(ROOT, 'test/fixtures/apps');
const IP_CLAUSE = "indicator_type in ('Auto-Detect', 'IP Address')";

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;
}

describe('validateManifests on the real app', () => {
  it('finds no problem in the install.json and layout.json of this repository', () => {
    const report = validateManifests(ROOT);
    expect(report.problems).toEqual([]);
    expect(report.outputs).toBe(outputVariables().length);
  });

  it('keeps programVersion in step with the package.json version', () => {
    expect(readJson('install.json').programVersion).toBe(readJson('package.json').version);
  });

  it('declares exactly the params of the params contract, in order, with their types and defaults', () => {
    const params = readJson('install.json').params as Record<string, unknown>[];
    const rows = params.map((param) => [param.name, param.type, param.default, param.hidden === true]);
    expect(rows).toEqual([
      ['ipqs_api_key', 'String', undefined, false],
      ['indicators', 'String', undefined, false],
      ['indicator_type', 'Choice', 'Auto-Detect', false],
      ['ip_strictness', 'Choice', '0', false],
      ['user_agent', 'String', undefined, false],
      ['user_language', 'String', undefined, false],
      ['ip_fast', 'Boolean', false, false],
      ['mobile', 'Boolean', false, false],
      ['allow_public_access_points', 'Boolean', false, false],
      ['lighter_penalties', 'Boolean', false, false],
      ['transaction_strictness', 'Choice', '0', false],
      ['email_strictness', 'Choice', '0', false],
      ['abuse_strictness', 'Choice', '0', false],
      ['email_fast', 'Boolean', false, false],
      ['suggest_domain', 'Boolean', false, false],
      ['email_timeout', 'String', '7', false],
      ['url_strictness', 'Choice', '0', false],
      ['url_fast', 'Boolean', false, false],
      ['url_timeout', 'String', '2', false],
      ['phone_strictness', 'Choice', '0', false],
      ['phone_countries', 'String', undefined, false],
      ['enhanced_line_check', 'Boolean', false, false],
      ['enhanced_name_check', 'Boolean', false, false],
      ['extra_params', 'KeyValueList', undefined, false],
      ['fail_on_error', 'Boolean', true, false],
      ['include_personal_data', 'Boolean', false, false],
      ['max_requests_per_second', 'String', '0', false],
      ['max_concurrency', 'String', '8', false],
      ['cache_ttl_minutes', 'String', '60', false],
      ['max_retries', 'String', '3', false],
      ['request_timeout_seconds', 'String', '20', false],
      ['ipqs_base_url', 'String', 'https://ipqualityscore.com/api/json', true],
    ]);
    expect(params.map((param) => param.sequence)).toEqual(params.map((_, index) => index + 1));
  });

  it('keeps the API key encrypted behind a Keychain variable', () => {
    const params = readJson('install.json').params as Record<string, unknown>[];
    expect(params[0]).toMatchObject({ encrypt: true, required: true, validValues: ['${KEYCHAIN}'] });
  });

  it('shows the IP options only when the indicator type may be an IP', () => {
    const layout = readJson('layout.json') as {
      inputs: { title: string; parameters: { display?: string }[] }[];
    };
    const section = layout.inputs.find((input) => input.title === 'IP Options');
    expect(section?.parameters.map((parameter) => parameter.display)).toEqual(
      Array<string>(8).fill(IP_CLAUSE),
    );
  });
});

describe('validateManifests on fixture apps', () => {
  it('finds no problem in the good fixture app', () => {
    expect(validateManifests(path.join(APPS, 'good'), { checkDrift: false })).toEqual({
      problems: [],
      params: 6,
      outputs: 4,
    });
  });

  it('reports that a fixture app drifts from the output table when drift is checked', () => {
    const { problems } = validateManifests(path.join(APPS, 'good'));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^install\.json: playbook\.outputVariables differ from the output table \(missing /,
    );
    expect(problems[1]).toMatch(
      /^layout\.json: outputs differ from the output table .*run `npm run manifest`$/,
    );
  });

  it.each<[string, string[]]>([
    [
      'bad-schema',
      [
        'install.json: schema: top level must have required properties programMain',
        'install.json: schema: /params/3/type (param "ip_strictness") must be equal to one of the allowed values: ' +
          'Boolean, Choice, EditChoice, KeyValueList, MultiChoice, String, StringMixed',
      ],
    ],
    ['bad-duplicate-param', ['install.json: duplicate param name "ip_strictness" (defined 2 times)']],
    [
      'bad-duplicate-sequence',
      ['install.json: duplicate param sequence 3 ("indicator_type", "ip_strictness")'],
    ],
    ['bad-hidden-param-in-layout', ['layout.json: input "ipqs_base_url" is a hidden param']],
    ['bad-missing-param', ['layout.json: param "fail_on_error" is missing from inputs']],
    [
      'bad-display-order',
      [
        'layout.json: input "ip_strictness" display references "indicator_type", which comes later in layout order',
      ],
    ],
    [
      'bad-unknown-output',
      ['layout.json: output "ipqs.ip.nope" is not in install.json playbook.outputVariables'],
    ],
  ])('reports the %s fixture app', (app, expected) => {
    expect(validateManifests(path.join(APPS, app), { checkDrift: false }).problems).toEqual(expected);
  });
});

describe('validateManifests on unreadable files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ipqs-manifest-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports missing files by name', () => {
    expect(validateManifests(dir).problems).toEqual([
      'install.json: cannot read the file (ENOENT)',
      'layout.json: cannot read the file (ENOENT)',
    ]);
  });

  it('reports a file that is not JSON and still checks the other one', () => {
    writeFileSync(path.join(dir, 'install.json'), '{"params": [');
    writeFileSync(path.join(dir, 'layout.json'), JSON.stringify({ inputs: [] }));
    const { problems } = validateManifests(dir, { checkDrift: false });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^install\.json: not valid JSON \(.+\)$/);
  });

  it('skips the consistency rules for a file whose shape is too broken, after reporting the schema', () => {
    writeFileSync(path.join(dir, 'install.json'), JSON.stringify({ params: 'none' }));
    writeFileSync(path.join(dir, 'layout.json'), JSON.stringify({ inputs: [] }));
    const { problems, params } = validateManifests(dir, { checkDrift: false });
    expect(problems).toContain('install.json: schema: /params must be array');
    expect(problems.every((problem) => problem.startsWith('install.json: schema:'))).toBe(true);
    expect(params).toBe(0);
  });
});

describe('assertValidManifests', () => {
  it('returns quietly for valid manifests', () => {
    expect(() => assertValidManifests(ROOT)).not.toThrow();
  });

  it('throws a ManifestError listing every problem', () => {
    let thrown: unknown;
    try {
      assertValidManifests(path.join(APPS, 'bad-missing-param'), { checkDrift: false });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ManifestError);
    expect((thrown as ManifestError).problems).toEqual([
      'layout.json: param "fail_on_error" is missing from inputs',
    ]);
    expect((thrown as ManifestError).message).toBe(
      'Manifest errors: layout.json: param "fail_on_error" is missing from inputs',
    );
  });
});
