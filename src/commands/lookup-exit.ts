/**
 * The exit code of `ipqs-tc lookup`: 2 when a result reached the `--fail-on` verdict or above, else 1 when
 * an indicator failed or the run stopped on a fatal IPQS error, else 0. Verdicts are ordered by their
 * ThreatConnect threat rating: CLEAN < SUSPICIOUS = INVALID < LOW RISK < MODERATE RISK < HIGH RISK < CRITICAL.
 * A finding is certain even when other lookups failed, so 2 wins over 1.
 */
import { ExitCode } from '../tc/exit';
import { threatRatingOf, VERDICT_NAMES } from '../verdicts';
import type { VerdictName } from '../verdicts';
import type { LookupRow } from './lookup-row';

/** Exit code when a result reached the `--fail-on` verdict. */
export const FAIL_ON_EXIT_CODE = 2;

/** A verdict name in any case, with spaces, `_` or `-` between words; `high` stands for `HIGH RISK`. */
export function parseVerdictName(text: string): VerdictName | undefined {
  const words = text
    .trim()
    .toUpperCase()
    .split(/[\s_-]+/)
    .filter(Boolean)
    .join(' ');
  if (words === '') return undefined;
  return VERDICT_NAMES.find((name) => name === words || name === `${words} RISK`);
}

/** True when the row's verdict is `threshold` or more severe. */
export function reaches(row: LookupRow, threshold: VerdictName): boolean {
  return row.verdict !== null && threatRatingOf(row.verdict) >= threatRatingOf(threshold);
}

/** The command's exit code from its rows, the pipeline's own exit code and the `--fail-on` threshold. */
export function lookupExitCode(
  rows: readonly LookupRow[],
  pipelineExit: ExitCode,
  failOn: VerdictName | undefined,
): number {
  if (failOn !== undefined && rows.some((row) => reaches(row, failOn))) return FAIL_ON_EXIT_CODE;
  const failed = pipelineExit !== ExitCode.Success || rows.some((row) => row.error !== null);
  return failed ? ExitCode.Failure : ExitCode.Success;
}
