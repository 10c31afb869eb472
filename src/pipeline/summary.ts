/** The exit message of a batch, as message.tc shows it in the playbook UI. */

export interface BatchSummary {
  readonly total: number;
  readonly enriched: number;
  readonly failed: number;
  readonly highRisk: number;
  readonly firstError: string | undefined;
  /** The fatal error that stopped the run, if one did. */
  readonly stoppedBy: string | undefined;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** E.g. `IPQS: 12 indicators, 10 enriched, 2 failed, 3 high risk. First error: 10.0.0.300: not an IP address`. */
export function batchMessage(summary: BatchSummary): string {
  const counts = `${plural(summary.total, 'indicator')}, ${summary.enriched} enriched, ${summary.failed} failed, ${summary.highRisk} high risk`;
  if (summary.stoppedBy) return `IPQS: run stopped: ${summary.stoppedBy}. ${counts}`;
  const first = summary.firstError ? `. First error: ${summary.firstError}` : '';
  return `IPQS: ${counts}${first}`;
}
