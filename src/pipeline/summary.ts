/** The exit message of a batch, as message.tc shows it in the playbook UI. */
import { MESSAGE_TC_MAX_LENGTH } from '../tc/exit';

export interface BatchSummary {
  readonly total: number;
  readonly enriched: number;
  readonly failed: number;
  readonly highRisk: number;
  readonly firstError: string | undefined;
  /** The fatal error that stopped the run, if one did. */
  readonly stoppedBy: string | undefined;
}

// message.tc keeps only its last 255 characters, its newline included: a long error would push the
// start of the message out, so the error is cut instead.
const MAX_LENGTH = MESSAGE_TC_MAX_LENGTH - 1;

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** `text` cut to `room` characters (code points), ending in `...` when cut. */
function fit(text: string, room: number): string {
  const chars = Array.from(text);
  return chars.length <= room ? text : `${chars.slice(0, Math.max(0, room - 3)).join('')}...`;
}

const length = (text: string): number => Array.from(text).length;

/** E.g. `IPQS: 12 indicators, 10 enriched, 2 failed, 3 high risk. First error: 10.0.0.300: not an IP address`. */
export function batchMessage(summary: BatchSummary): string {
  const counts = `${plural(summary.total, 'indicator')}, ${summary.enriched} enriched, ${summary.failed} failed, ${summary.highRisk} high risk`;
  if (summary.stoppedBy) {
    const head = 'IPQS: run stopped: ';
    const tail = `. ${counts}`;
    return `${head}${fit(summary.stoppedBy, MAX_LENGTH - length(head) - length(tail))}${tail}`;
  }
  if (!summary.firstError) return `IPQS: ${counts}`;
  const head = `IPQS: ${counts}. First error: `;
  return `${head}${fit(summary.firstError, MAX_LENGTH - length(head))}`;
}
