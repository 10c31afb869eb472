/**
 * `ipqs-tc lookup <value...>`: the analyst CLI. Looks indicators up in IPQS through the app's own pipeline
 * and prints a table, json, ndjson or csv; the IPQS key comes from IPQS_API_KEY or --key-file, never from
 * the command line. See `lookup-run.ts` for the run and `lookup-exit.ts` for the exit codes.
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import { SecretRegistry } from '../logging/secrets';
import { processIo } from './lookup-io';
import type { CliIo } from './lookup-io';
import { LOOKUP_FORMATS, TYPE_CHOICES } from './lookup-options';
import type { LookupOptions } from './lookup-options';
import { paramOptions } from './lookup-param-options';
import { runLookup } from './lookup-run';

export type { CliIo } from './lookup-io';

const HELP_AFTER = `
Input: each argument is one indicator; --file PATH (- for stdin) adds one per line; with no argument and
no --file, stdin is read when it is not a terminal. Blank lines and # comments are skipped.

Key: IPQS_API_KEY, or the first line of --key-file PATH (which wins). --simulate needs none.

Table colours (on a terminal, unless NO_COLOR is set): CRITICAL bold red, HIGH RISK red, MODERATE RISK
and LOW RISK yellow, SUSPICIOUS magenta, CLEAN green, INVALID grey. Piped output is plain.

Exit codes:
  0  every indicator was looked up, and none reached --fail-on
  1  an indicator failed, the run stopped on a fatal IPQS error (key, credits, quota), or bad usage
  2  a result reached the --fail-on verdict or a more severe one (wins over 1)
Verdict order: CLEAN < SUSPICIOUS = INVALID < LOW RISK < MODERATE RISK < HIGH RISK < CRITICAL.`;

function collectExtra(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Adds the `lookup` command to `program`; `io` defaults to the process's streams and environment. */
export function registerLookupCommand(program: Command, io: CliIo = processIo()): Command {
  // commander's own errors (unknown option, missing value) may quote argv: mask the env key in them too
  const envSecrets = new SecretRegistry();
  envSecrets.add(io.env.IPQS_API_KEY);
  const command = program
    .command('lookup')
    .description('look indicators up in IPQS and print their verdicts (analyst CLI)')
    .argument('[values...]', 'indicators: IPs, emails, URLs, domains, phone numbers')
    .option('--file <path>', 'read indicators from a file, one per line (- for stdin)')
    .option('--type <type>', `indicator type of every value: ${Object.keys(TYPE_CHOICES).join('|')}`, 'auto')
    .option('--format <format>', `output format: ${LOOKUP_FORMATS.join('|')}`, 'table')
    .option('--fail-on <verdict>', 'exit 2 when a result reaches this verdict or above, e.g. "high risk"')
    .option('--key-file <path>', 'read the IPQS API key from the first line of this file')
    .option(
      '--base-url <url>',
      'IPQS-compatible base URL (default: IPQS_BASE_URL, else https://ipqualityscore.com/api/json)',
    )
    .option('--simulate', 'start the local IPQS simulator and send every lookup to it (no key, no network)')
    .option('--extra <key=value>', 'a further IPQS query parameter (repeatable)', collectExtra)
    .option('--verbose', 'print the log to stderr')
    // accepted only to be refused with a clear message: a key on the command line leaks
    .addOption(new Option('--key <key>').hideHelp())
    .addOption(new Option('--api-key <key>').hideHelp());
  for (const { option } of paramOptions()) command.addOption(option);
  return command
    .addHelpText('after', HELP_AFTER)
    .configureOutput({
      writeOut: (text) => io.stdout.write(envSecrets.redact(text)),
      writeErr: (text) => io.stderr.write(envSecrets.redact(text)),
    })
    .action(async (values: string[], options: LookupOptions) => {
      process.exitCode = await runLookup(values, options, io);
    });
}
