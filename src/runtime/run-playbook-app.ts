/**
 * One playbook execution, as tcex runs it: load the params (encrypted file, legacy args, or given by the
 * local runner), open the log and the KV store, resolve variables, validate once, enrich, then on every
 * exit (success, failure, interrupt) flush the requested outputs, write message.tc and close the log.
 */
import { setMaxListeners } from 'node:events';
import { AppError, errorMessage } from '../errors';
import { logBanner } from '../logging/banner';
import type { Log } from '../logging/log';
import { silentLog } from '../logging/log';
import { createLogger } from '../logging/logger';
import { SecretRegistry } from '../logging/secrets';
import { ExitCode, exitMessageFor, writeMessageTc } from '../tc/exit';
import { KvStoreOperationError } from '../tc/kvstore/kv-store';
import type { KvStore } from '../tc/kvstore/kv-store';
import type { MockKvData } from '../tc/kvstore/kv-store-mock';
import { coerceParams, loadRawParams, parseAppParams, parseTcParams } from '../tc/params';
import type { TcParams } from '../tc/params';
import { OutputStage } from '../tc/playbook/output-stage';
import { INTERRUPT_MESSAGE, onTerminationSignal } from '../tc/signals';
import {
  APP_FEATURES,
  APP_ID,
  APP_MIN_SERVER_VERSION,
  APP_NAME,
  APP_RUNTIME_LEVEL,
  APP_VERSION,
  LIST_DELIMITER,
  PARAM_SPEC,
} from './app-manifest';
import type { Enrich } from './enrich';
import { logSettings, openRunKvStore, resolveAppParams, tcApiFor } from './run-steps';
import { registerParamSecrets } from './run-secrets';

export interface RunPlaybookAppOptions {
  readonly env: NodeJS.ProcessEnv;
  /** `process.argv.slice(2)`: legacy `--name value` params when there is no param file. */
  readonly argv: readonly string[];
  /** Params already loaded (the local runner); otherwise read from the param file or the legacy args. */
  readonly params?: Readonly<Record<string, unknown>>;
  /** The embedded store's data when `tc_kvstore_type` is Mock (the local runner stages and reads it). */
  readonly mockData?: MockKvData;
  readonly enrich: Enrich;
  /** Install SIGINT/SIGTERM/SIGHUP handlers: flush and exit 1 on a signal. */
  readonly handleSignals?: boolean;
  readonly secrets?: SecretRegistry;
  /** Also log to stderr. */
  readonly verbose?: boolean;
}

export interface RunPlaybookAppResult {
  readonly exitCode: ExitCode;
  readonly message: string;
  /** Where message.tc was written (undefined when it could not be). */
  readonly messagePath: string | undefined;
  /** The variables written to the KV store. */
  readonly written: readonly string[];
}

/** Runs the app once and resolves with what main turns into the process exit; it never rejects. */
export async function runPlaybookApp(options: RunPlaybookAppOptions): Promise<RunPlaybookAppResult> {
  const run = new PlaybookRun(options);
  return run.execute();
}

class PlaybookRun {
  private readonly secrets: SecretRegistry;
  private log: Log = silentLog;
  private tc: TcParams | undefined;
  private kv: KvStore | undefined;
  private stage: OutputStage | undefined;
  private finished: Promise<RunPlaybookAppResult> | undefined;
  private readonly abort = new AbortController();
  private readonly beforeFlush: (() => void)[] = [];
  /** Settles when a termination signal arrives: the run then finishes without waiting for the pipeline. */
  private readonly interrupted: Promise<{ exitCode: ExitCode; message: string }>;

  constructor(private readonly options: RunPlaybookAppOptions) {
    this.secrets = options.secrets ?? new SecretRegistry();
    // every in-flight request and rate-limit wait listens on the run's signal
    setMaxListeners(0, this.abort.signal);
    this.interrupted = new Promise((resolve) => {
      this.abort.signal.addEventListener('abort', () =>
        resolve({ exitCode: ExitCode.Failure, message: INTERRUPT_MESSAGE }),
      );
    });
  }

  async execute(): Promise<RunPlaybookAppResult> {
    const uninstall = this.options.handleSignals ? this.installSignalHandlers() : undefined;
    try {
      const { exitCode, message } = await Promise.race([this.work(), this.interrupted]);
      return await this.finish(exitCode, message);
    } catch (error) {
      this.log.error('app-failed', {
        error: errorMessage(error),
        stack: error instanceof AppError ? undefined : stackOf(error),
      });
      return await this.finish(ExitCode.Failure, exitMessageFor(error));
    } finally {
      uninstall?.();
    }
  }

  private installSignalHandlers(): () => void {
    return onTerminationSignal((signal) => {
      this.log.warning('signal-received', { signal });
      this.abort.abort();
      return Promise.resolve();
    });
  }

  private async work(): Promise<{ exitCode: ExitCode; message: string }> {
    const raw =
      this.options.params ??
      loadRawParams({
        env: this.options.env,
        argv: this.options.argv,
        spec: PARAM_SPEC,
        onDeleteError: (reason) => this.log.warning('param-file-not-deleted', { reason }),
      }).params;
    registerParamSecrets(raw, this.secrets);
    const coerced = coerceParams(withEnvironmentDefaults(raw, this.options.env), PARAM_SPEC, LIST_DELIMITER);

    this.log = createLogger({
      ...logSettings(coerced),
      secrets: this.secrets,
      console: this.options.verbose ?? false,
    });
    logBanner(this.log, {
      appName: APP_NAME,
      appVersion: APP_VERSION,
      appId: APP_ID,
      features: APP_FEATURES,
      runtimeLevel: APP_RUNTIME_LEVEL,
      minServerVersion: APP_MIN_SERVER_VERSION,
    });

    const tc = parseTcParams(coerced);
    this.tc = tc;
    this.log.info('params-loaded', {
      source: this.options.params ? 'local' : 'platform',
      count: Object.keys(raw).length,
      kvstore: tc.tc_kvstore_type,
    });
    this.stage = new OutputStage(tc.tc_playbook_out_variables);

    const tcApi = tcApiFor(tc);
    this.kv = await openRunKvStore(tc, tcApi, this.options.mockData);
    const resolved = await resolveAppParams(coerced, PARAM_SPEC, this.kv, tcApi, this.secrets);
    registerParamSecrets(resolved, this.secrets);
    const app = parseAppParams(resolved, coerced);

    return this.options.enrich({
      app,
      tc,
      stage: this.stage,
      log: this.log,
      secrets: this.secrets,
      signal: this.abort.signal,
      beforeFlush: (callback) => this.beforeFlush.push(callback),
    });
  }

  /** Flush, message.tc, exit log line, close: once, whichever path gets here first. */
  private finish(exitCode: ExitCode, message: string): Promise<RunPlaybookAppResult> {
    this.finished ??= this.doFinish(exitCode, message);
    return this.finished;
  }

  private async doFinish(exitCode: ExitCode, message: string): Promise<RunPlaybookAppResult> {
    let code = exitCode;
    let text = message;
    let written: readonly string[] = [];
    for (const callback of this.beforeFlush) {
      try {
        callback();
      } catch (error) {
        this.log.error('outputs-not-staged', { error: errorMessage(error) });
      }
    }
    if (this.stage && this.kv) {
      try {
        written = (await this.stage.flush(this.kv)).written;
        this.log.info('outputs-written', { count: written.length });
      } catch (error) {
        code = ExitCode.Failure;
        const pending = this.stage.pendingVariables();
        // message.tc keeps only its last 255 characters: the short reason, then every output not written
        text = `${text}. Outputs could not be written (${flushFailureReason(error)}): ${pending.join(', ')}`;
        this.log.error('outputs-not-written', {
          error: errorMessage(error),
          count: pending.length,
          outputs: pending.join(','),
        });
      }
    }
    let messagePath: string | undefined;
    try {
      messagePath = writeMessageTc(this.tc?.tc_out_path, text, this.secrets);
    } catch (error) {
      this.log.error('message-tc-not-written', { error: errorMessage(error) });
    }
    if (code === ExitCode.Success) this.log.info('exit', { message: text.replace(/\n/g, ', ') });
    else this.log.error('exit', { message: text.replace(/\n/g, ', ') });
    this.log.info('exit-code', { code });
    await this.kv?.close().catch(() => undefined);
    await this.log.close();
    return { exitCode: code, message: this.secrets.redact(text), messagePath, written };
  }
}

/** Why the flush failed, without the keys and context the KV store's own message repeats. */
function flushFailureReason(error: unknown): string {
  return error instanceof KvStoreOperationError ? error.reason : errorMessage(error);
}

function stackOf(error: unknown): string | undefined {
  return error instanceof Error ? error.stack : undefined;
}

/** IPQS_BASE_URL (environment) points the app at another IPQS-compatible base when the param is not set. */
function withEnvironmentDefaults(
  params: Readonly<Record<string, unknown>>,
  env: NodeJS.ProcessEnv,
): Readonly<Record<string, unknown>> {
  const given = params.ipqs_base_url;
  const base = env.IPQS_BASE_URL?.trim();
  if (!base || (typeof given === 'string' && given.trim() !== '')) return params;
  return { ...params, ipqs_base_url: base };
}
