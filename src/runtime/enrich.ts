/**
 * The contract between the ThreatConnect runtime and the enrichment pipeline: the pipeline gets typed,
 * validated params and an output stage, and answers with the exit code and the message for message.tc.
 */
import type { Log } from '../logging/log';
import type { SecretRegistry } from '../logging/secrets';
import type { ExitCode } from '../tc/exit';
import type { AppParams, TcParams } from '../tc/params';
import type { OutputStage } from '../tc/playbook/output-stage';

export interface EnrichContext {
  readonly app: AppParams;
  readonly tc: TcParams;
  readonly stage: OutputStage;
  readonly log: Log;
  readonly secrets: SecretRegistry;
  /** Aborted when the run is interrupted (SIGTERM): stop starting new work. */
  readonly signal: AbortSignal;
  /** Registers a callback the runtime calls before it flushes the outputs on any exit (interrupts included). */
  readonly beforeFlush?: (callback: () => void) => void;
}

export interface EnrichResult {
  readonly exitCode: ExitCode;
  readonly message: string;
}

export type Enrich = (context: EnrichContext) => Promise<EnrichResult>;
