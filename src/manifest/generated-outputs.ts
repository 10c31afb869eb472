/**
 * The parts of install.json and layout.json that are generated from the output table (`npm run manifest`),
 * and the drift checks that fail when the files on disk no longer match it.
 */
import type { LookupType } from '../ipqs/fields';
import { OUTPUT_TABLE, outputVariables } from '../outputs/output-table';
import type { OutputGroup } from '../outputs/output-table';

/** The `indicator_type` choices under which each lookup type's params and outputs are shown. */
export const TYPE_CHOICES: Readonly<Record<LookupType, readonly string[]>> = {
  ip: ['Auto-Detect', 'IP Address'],
  email: ['Auto-Detect', 'Email Address'],
  url: ['Auto-Detect', 'URL', 'Domain'],
  phone: ['Auto-Detect', 'Phone Number'],
};

/** The layout.json display clause of one lookup type, e.g. `indicator_type in ('Auto-Detect', 'URL', 'Domain')`. */
export function typeDisplayClause(type: LookupType): string {
  return `indicator_type in (${TYPE_CHOICES[type].map((choice) => `'${choice}'`).join(', ')})`;
}

function groupDisplayClause(group: OutputGroup): string {
  return group === 'generic' || group === 'count' || group === 'compat' ? '1' : typeDisplayClause(group);
}

/** One layout.json `outputs` entry. */
export interface LayoutOutput {
  readonly name: string;
  readonly display: string;
}

/** The layout.json outputs: every output name of the table once, each with its display clause. */
export function layoutOutputs(): LayoutOutput[] {
  return OUTPUT_TABLE.map((spec) => ({ name: spec.name, display: groupDisplayClause(spec.group) }));
}

type JsonObject = Record<string, unknown>;

function asObject(value: unknown): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
}

/** install.json with `playbook.outputVariables` replaced by the table's list; every other field kept as is. */
export function withGeneratedOutputVariables(install: unknown): JsonObject {
  const current = asObject(install);
  return { ...current, playbook: { ...asObject(current.playbook), outputVariables: outputVariables() } };
}

/** layout.json with `outputs` replaced by `layoutOutputs()`; `inputs` kept as is. */
export function withGeneratedLayoutOutputs(layout: unknown): JsonObject {
  return { ...asObject(layout), outputs: layoutOutputs() };
}

const FIX = 'run `npm run manifest`';
const SHOWN = 3;

function sample(items: readonly string[]): string {
  const more = items.length > SHOWN ? ` and ${items.length - SHOWN} more` : '';
  return items.slice(0, SHOWN).join(', ') + more;
}

/** The one-line difference between two lists of keys, or undefined when they are equal (order included). */
function listDrift(actual: readonly string[], expected: readonly string[]): string | undefined {
  const have = new Set(actual);
  const want = new Set(expected);
  const missing = expected.filter((key) => !have.has(key));
  const extra = actual.filter((key) => !want.has(key));
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`missing ${sample(missing)}`);
  if (extra.length > 0) parts.push(`unexpected ${sample(extra)}`);
  if (parts.length === 0 && actual.join('\n') !== expected.join('\n'))
    parts.push('same entries in another order');
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** The drift problem of install.json `playbook.outputVariables` against the table, if any. */
export function outputVariablesDrift(
  actual: readonly { readonly name: string; readonly type: string }[],
): string | undefined {
  const key = (entry: { readonly name: string; readonly type: string }) => `${entry.name} (${entry.type})`;
  const drift = listDrift(actual.map(key), outputVariables().map(key));
  return drift && `install.json: playbook.outputVariables differ from the output table (${drift}): ${FIX}`;
}

/** The drift problem of layout.json `outputs` against the table, if any. */
export function layoutOutputsDrift(
  actual: readonly { readonly name: string; readonly display?: string | undefined }[],
): string | undefined {
  const key = (entry: { readonly name: string; readonly display?: string | undefined }) =>
    `${entry.name} [${entry.display ?? ''}]`;
  const drift = listDrift(actual.map(key), layoutOutputs().map(key));
  return drift && `layout.json: outputs differ from the output table (${drift}): ${FIX}`;
}
