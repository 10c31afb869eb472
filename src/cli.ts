/**
 * The `ipqs-tc` command: the local runner, the analyst CLI, the simulator, manifest validation and
 * packaging, all over the one pipeline the playbook entry runs.
 */
import './zod-setup';
import { Command } from 'commander';
import { registerLookupCommand } from './commands/lookup-command';
import { registerPackageCommand } from './commands/package-command';
import { registerSimulateCommand } from './commands/simulate-command';
import { runCommand } from './local/run-command';
import { APP_VERSION } from './runtime/app-manifest';
import { runValidateCommand } from './manifest/validate-command';

export function buildProgram(): Command {
  const program = new Command('ipqs-tc')
    .description('IPQS Fraud and Risk Scoring for ThreatConnect')
    .version(APP_VERSION);

  program
    .command('run')
    .description('run the app locally from a tcex-style app_inputs.json and print the outputs it wrote')
    .argument('[config]', 'the tcex run file: {"stage":{"kvstore":{...}},"inputs":{...}}', 'app_inputs.json')
    .option('--redis <url>', 'use this Redis (redis://host:port/db) instead of the embedded in-memory store')
    .option('--simulate', 'start the local IPQS simulator and send every lookup to it (no key, no network)')
    .option('--json', 'print the outputs as JSON')
    .option('--verbose', 'also print the log to stderr')
    .action(
      async (
        config: string,
        options: { redis?: string; simulate?: boolean; json?: boolean; verbose?: boolean },
      ) => {
        process.exitCode = await runCommand({
          configPath: config,
          ...(options.redis ? { redisUrl: options.redis } : {}),
          json: options.json ?? false,
          verbose: options.verbose ?? false,
          simulate: options.simulate ?? false,
          env: process.env,
          out: (text) => process.stdout.write(`${text}\n`),
        });
      },
    );

  program
    .command('validate')
    .description('check install.json and layout.json against the ThreatConnect schemas and the output table')
    .option('--dir <path>', 'folder holding install.json and layout.json', process.cwd())
    .action((options: { dir: string }) => {
      process.exitCode = runValidateCommand(options.dir, (line) => process.stdout.write(`${line}\n`));
    });

  registerLookupCommand(program);
  registerPackageCommand(program);
  registerSimulateCommand(program);

  return program;
}

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
