// `ipqs-tc run`: npm start's command on a fresh clone prints real results with no key, no network and no
// Redis; --json prints the same outputs as data; --redis runs against a real redis-server.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { redisUrl } from '../helpers/redis';
import { runNode } from '../helpers/run-main';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

interface JsonRun {
  exitCode: number;
  message: string;
  outputs: Record<string, unknown>;
}

describe('ipqs-tc run', () => {
  it("prints the outputs of npm start's run (examples/app_inputs.json on the simulator)", async () => {
    const result = await runNode(CLI, { cwd: ROOT, args: ['run', 'examples/app_inputs.json', '--simulate'] });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    const row = (name: string): string | undefined =>
      lines
        .find((line) => line.startsWith(`${name} `))
        ?.slice(name.length)
        .trim();
    expect(row('ipqs.count (String)')).toBe('10');
    expect(row('ipqs.indicator_type (StringArray)')).toBe(
      '["ip","ip","ip","email","email","url","domain","phone","ip",null]',
    );
    expect(row('ipqs.verdict (StringArray)')).toMatch(/^\["CLEAN","HIGH RISK",.*,"CRITICAL",.*null\]$/);
    expect(row('ipqs.high_risk.count (String)')).toBe('3');
    expect(result.stdout).toContain(
      'IPQS: 10 indicators, 9 enriched, 1 failed, 3 high risk. First error: 10.0.0.300: not an IP address',
    );
    expect(result.stdout).not.toContain('local-simulator-key');
  });

  it('prints the outputs as JSON with --json', async () => {
    const result = await runNode(CLI, {
      cwd: ROOT,
      args: ['run', 'examples/app_inputs.json', '--simulate', '--json'],
    });
    const run = JSON.parse(result.stdout) as JsonRun;
    expect(run.exitCode).toBe(0);
    expect(run.outputs['#App:9876:ipqs.indicator!String']).toBe('185.220.101.1');
    expect(run.outputs['#App:9876:ipqs.url.phishing!StringArray']).toEqual(['false', 'true']);
    expect(run.outputs['#App:9876:ipqs.high_risk.indicators!StringArray']).toEqual([
      '203.0.113.97',
      'disposable@mailbox.example',
      'phishing.example',
    ]);
  });

  it('stages upstream values into a real Redis and reads the outputs back from it with --redis', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ipqs-run-'));
    const config = path.join(dir, 'app_inputs.json');
    writeFileSync(
      config,
      JSON.stringify({
        stage: { kvstore: { '#App:1:items!StringArray': ['198.51.100.90', 'score-85@example.com'] } },
        inputs: { ipqs_api_key: '${env.TEST_IPQS_KEY}', indicators: '#App:1:items!StringArray' },
      }),
    );
    const result = await runNode(CLI, {
      cwd: dir,
      args: ['run', config, '--simulate', '--json', '--redis', redisUrl()],
      env: { TEST_IPQS_KEY: 'from-the-environment-1234' },
    });
    const run = JSON.parse(result.stdout) as JsonRun;
    expect(run.exitCode).toBe(0);
    expect(run.outputs['#App:9876:ipqs.verdict!StringArray']).toEqual(['HIGH RISK', 'LOW RISK']);
    expect(result.stdout).not.toContain('from-the-environment-1234');
  });

  it('exits 1 with a one-line message naming a config file that is not there', async () => {
    const result = await runNode(CLI, { cwd: ROOT, args: ['run', 'no-such-file.json'] });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('no-such-file.json');
  });
});
