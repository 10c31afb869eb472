/**
 * Runs `ipqs-tc lookup`: checks the options, loads the key, reads the indicators, sends them through the
 * app's own pipeline (`enrichBatch`, no outputs requested) and prints the results in the chosen format.
 * Every printed byte is redacted; the key is registered as a secret before anything can echo it.
 */
import { errorMessage } from '../errors';
import type { Log, LogFields, LogLevel } from '../logging/log';
import { silentLog } from '../logging/log';
import { formatLine } from '../logging/log-line';
import { SecretRegistry } from '../logging/secrets';
import { clientFor, enrichBatch } from '../pipeline/enrich-batch';
import { startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import { ExitCode } from '../tc/exit';
import { parseTcParams } from '../tc/params';
import type { AppParams } from '../tc/params';
import { OutputStage } from '../tc/playbook/output-stage';
import { lookupExitCode } from './lookup-exit';
import { formatCsv, formatJson, formatNdjsonLine } from './lookup-formats';
import { readIndicators } from './lookup-input';
import { LookupOutput } from './lookup-io';
import type { CliIo } from './lookup-io';
import { loadApiKey } from './lookup-key';
import { checkLookupOptions, lookupAppParams } from './lookup-options';
import type { LookupOptions, LookupSettings } from './lookup-options';
import { lookupProgress } from './lookup-progress';
import { lookupRow } from './lookup-row';
import type { LookupRow } from './lookup-row';
import { formatTable, wantsColour } from './lookup-table';
import { LookupUsageError } from './lookup-usage-error';

interface BatchRun {
  readonly rows: LookupRow[];
  readonly exitCode: ExitCode;
  readonly message: string;
}

/** `--verbose`: the pipeline's log events on stderr, debug and above, redacted like the file log. */
function stderrLog(output: LookupOutput, secrets: SecretRegistry): Log {
  const at = (level: LogLevel) => (event: string, fields?: LogFields) =>
    output.err(`${formatLine(level, event, fields, secrets)}\n`);
  return {
    trace: () => undefined,
    debug: at('debug'),
    info: at('info'),
    warning: at('warning'),
    error: at('error'),
    critical: at('critical'),
    close: () => Promise.resolve(),
  };
}

async function enrichRows(
  app: AppParams,
  settings: LookupSettings,
  io: CliIo,
  output: LookupOutput,
  secrets: SecretRegistry,
): Promise<BatchRun> {
  const log = settings.verbose ? stderrLog(output, secrets) : silentLog;
  const tc = parseTcParams({ tc_kvstore_type: 'Mock' });
  const streaming = settings.format === 'ndjson';
  // the bar shares the terminal with nothing else: not with log lines, nor with ndjson lines on a terminal
  const showProgress =
    io.stderr.isTTY === true && !settings.verbose && !(streaming && io.stdout.isTTY === true);
  const progress = lookupProgress(output.progressStream(), showProgress);
  const client = clientFor(app, tc, log);
  const rows: LookupRow[] = [];
  try {
    const context = {
      app,
      tc,
      stage: new OutputStage([]),
      log,
      secrets,
      signal: output.signal,
    };
    const result = await enrichBatch(context, client, {
      onPlanned: (total) => progress.start(total),
      onResult: (indicatorResult) => {
        const row = lookupRow(indicatorResult);
        rows[indicatorResult.index] = row;
        progress.tick();
        if (streaming) output.out(formatNdjsonLine(indicatorResult.index, row));
      },
    });
    return { rows, ...result };
  } finally {
    progress.stop();
    client.close();
  }
}

function printRows(run: BatchRun, settings: LookupSettings, io: CliIo, output: LookupOutput): void {
  switch (settings.format) {
    case 'table':
      output.out(formatTable(run.rows, { colour: wantsColour(io.stdout, io.env) }));
      break;
    case 'json':
      output.out(formatJson(run.rows));
      break;
    case 'csv':
      output.out(formatCsv(run.rows));
      break;
    case 'ndjson':
      // already streamed as the results arrived
      break;
  }
}

/** Runs the lookup command with commander's `values` and `options`; resolves with the exit code. */
export async function runLookup(
  values: readonly string[],
  options: LookupOptions,
  io: CliIo,
): Promise<number> {
  const secrets = new SecretRegistry();
  // registered first: whatever is printed from here on, even an error about them, is masked
  for (const secret of [io.env.IPQS_API_KEY, options.key, options.apiKey]) secrets.add(secret);
  const output = new LookupOutput(io, secrets);
  let simulator: Simulator | undefined;
  try {
    const settings = checkLookupOptions(options, io.env);
    const apiKey = loadApiKey({ keyFile: options.keyFile, env: io.env, simulate: options.simulate === true });
    secrets.add(apiKey);
    const indicators = await readIndicators({ values, file: options.file, stdin: io.stdin });
    const app = lookupAppParams(settings, apiKey, indicators);
    simulator = options.simulate === true ? await startSimulator() : undefined;
    const run = await enrichRows(
      simulator ? { ...app, ipqs_base_url: simulator.url } : app,
      settings,
      io,
      output,
      secrets,
    );
    printRows(run, settings, io, output);
    if (run.exitCode !== ExitCode.Success || io.stderr.isTTY === true) output.err(`${run.message}\n`);
    return lookupExitCode(run.rows, run.exitCode, settings.failOn);
  } catch (error) {
    const problems = error instanceof LookupUsageError ? error.problems : [errorMessage(error)];
    for (const problem of problems) output.err(`ipqs-tc lookup: ${problem}\n`);
    return ExitCode.Failure;
  } finally {
    await simulator?.close();
  }
}
