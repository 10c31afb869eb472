/**
 * The ThreatConnect playbook app (dist/app.js, loaded by `node dist/main.js`): the only module that touches
 * process.argv, the environment and process.exit. Params come from TC_APP_PARAM_FILE + TC_APP_PARAM_KEY
 * (or legacy args).
 */
import './zod-setup';
import { enrich } from './app';
import { runPlaybookApp } from './runtime/run-playbook-app';
import { ExitCode } from './tc/exit';

async function main(): Promise<void> {
  const result = await runPlaybookApp({
    env: process.env,
    argv: process.argv.slice(2),
    enrich,
    handleSignals: true,
  });
  // The platform shows message.tc; a failure also goes to stderr (redacted) for whoever runs it by hand.
  if (result.exitCode !== ExitCode.Success) process.stderr.write(`${result.message}\n`);
  process.exit(result.exitCode);
}

main().catch(() => {
  process.stderr.write('Generic Error. See logs for more details.\n');
  process.exit(1);
});
