import path from 'node:path';
import { outputVariables } from '../../src/outputs/output-table';
import { runValidateCommand } from '../../src/manifest/validate-command';

const ROOT = path.resolve(__dirname, '../..');

function run(dir: string): { code: number; lines: string[] } {
  const lines: string[] = [];
  const code = runValidateCommand(dir, (line) => lines.push(line));
  return { code, lines };
}

describe('runValidateCommand', () => {
  it('prints one success line with the counts and returns 0 for the real app', () => {
    expect(run(ROOT)).toEqual({
      code: 0,
      lines: [`install.json and layout.json are valid (32 params, ${outputVariables().length} outputs)`],
    });
  });

  it('prints each problem on its own line and returns 1', () => {
    const { code, lines } = run(path.join(ROOT, 'test/fixtures/apps/bad-hidden-param-in-layout'));
    expect(code).toBe(1);
    expect(lines).toContain('layout.json: input "ipqs_base_url" is a hidden param');
    // A fixture app is not this app, so the drift against the output table is reported too.
    expect(lines.filter((line) => line.includes('npm run manifest'))).toHaveLength(2);
    expect(lines.every((line) => !line.includes('\n'))).toBe(true);
  });

  it('returns 1 for a folder without manifests', () => {
    expect(run(path.join(ROOT, 'test/fixtures/apps'))).toEqual({
      code: 1,
      lines: ['install.json: cannot read the file (ENOENT)', 'layout.json: cannot read the file (ENOENT)'],
    });
  });
});
