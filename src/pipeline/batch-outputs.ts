/**
 * Collects the results of a batch into the playbook outputs of the output table, keeping only what a
 * downstream app requested: results arrive in any order (lookups run concurrently) and are placed by
 * input position, and each IPQS answer is reduced to the requested strings as soon as it arrives.
 */
import { lookupTypeOf } from '../indicators/indicator-type';
import { FIELD_CATALOG, LOOKUP_TYPES } from '../ipqs/fields';
import type { LookupType } from '../ipqs/fields';
import { fieldValues } from '../outputs/field-values';
import { fieldOutputName, OUTPUT_TABLE } from '../outputs/output-table';
import type { OutputStage } from '../tc/playbook/output-stage';
import { isHighRisk, tcV1Reputation, tcV1ThreatRating } from '../verdicts';
import type { IndicatorResult } from './indicator-result';
import type { Plan } from './plan';

type Cell = string | null;

/** The generic per-indicator outputs, one extractor per name of the table's `generic` group. */
export const GENERIC_VALUES: Readonly<Record<string, (result: IndicatorResult) => Cell>> = {
  'ipqs.indicator': (r) => r.indicator,
  'ipqs.indicator_type': (r) => r.type ?? null,
  'ipqs.score': (r) => (r.outcome.kind === 'enriched' ? String(r.outcome.verdict.score) : null),
  'ipqs.verdict': (r) => (r.outcome.kind === 'enriched' ? r.outcome.verdict.verdict : null),
  'ipqs.verdict_reasons': (r) =>
    r.outcome.kind === 'enriched' ? r.outcome.verdict.reasons.join('; ') : null,
  'ipqs.threat_rating': (r) =>
    r.outcome.kind === 'enriched' ? String(r.outcome.verdict.threatRating) : null,
  'ipqs.error': (r) => (r.outcome.kind === 'failed' ? r.outcome.error : ''),
  'ipqs.cached': (r) => (r.outcome.kind === 'enriched' ? String(r.outcome.cached) : 'false'),
  'ipqs.json.raw': (r) => (r.outcome.kind === 'enriched' ? JSON.stringify(r.outcome.data) : null),
};

function requested(stage: OutputStage, name: string): boolean {
  return stage.isRequested(name, 'String') || stage.isRequested(name, 'StringArray');
}

export class BatchOutputs {
  private readonly generic = new Map<string, Cell[]>();
  /** Per lookup type: output name -> cells by position among that type's indicators. */
  private readonly fields = new Map<LookupType, Map<string, { path: string; cells: Cell[] }>>();
  /** The catalogue paths each lookup type writes: only those are formatted from an answer. */
  private readonly fieldPaths = new Map<LookupType, ReadonlySet<string>>();
  private readonly compat = new Map<
    LookupType,
    { raw: boolean; results: boolean; first?: IndicatorResult }
  >();
  private readonly highRisk: (string | undefined)[];
  /** 1 for each input position whose result arrived. */
  private readonly done: Uint8Array;
  private enriched = 0;
  private failed = 0;
  private highRiskTotal = 0;
  private firstError: { index: number; error: string } | undefined;

  constructor(
    private readonly plan: Plan,
    private readonly stage: OutputStage,
  ) {
    const count = plan.indicators.length;
    this.done = new Uint8Array(count);
    for (const spec of OUTPUT_TABLE.filter((s) => s.group === 'generic')) {
      if (requested(stage, spec.name)) this.generic.set(spec.name, new Array<Cell>(count).fill(null));
    }
    for (const type of LOOKUP_TYPES) {
      const columns = new Map<string, { path: string; cells: Cell[] }>();
      for (const field of FIELD_CATALOG[type]) {
        const name = fieldOutputName(type, field.path);
        if (requested(stage, name)) {
          columns.set(name, { path: field.path, cells: new Array<Cell>(plan.typeCounts[type]).fill(null) });
        }
      }
      if (columns.size > 0) {
        this.fields.set(type, columns);
        this.fieldPaths.set(type, new Set([...columns.values()].map((column) => column.path)));
      }
      const raw = stage.isRequested(`ipqs.${type}reputation.json.raw`, 'String');
      const results = stage.isRequested(`ipqs.${type}reputation.results.data`, 'String');
      if (raw || results) this.compat.set(type, { raw, results });
    }
    this.highRisk = new Array<string | undefined>(requested(stage, 'ipqs.high_risk.indicators') ? count : 0);
  }

  get enrichedCount(): number {
    return this.enriched;
  }

  get failedCount(): number {
    return this.failed;
  }

  get highRiskCount(): number {
    return this.highRiskTotal;
  }

  /** The first failure in input order (for message.tc). */
  get firstFailure(): string | undefined {
    return this.firstError?.error;
  }

  add(result: IndicatorResult): void {
    this.done[result.index] = 1;
    for (const [name, cells] of this.generic) cells[result.index] = GENERIC_VALUES[name]?.(result) ?? null;
    const { outcome } = result;
    if (outcome.kind === 'failed') {
      this.failed += 1;
      if (!this.firstError || result.index < this.firstError.index) {
        this.firstError = { index: result.index, error: outcome.error };
      }
    } else {
      this.enriched += 1;
      if (isHighRisk(outcome.verdict.verdict)) {
        this.highRiskTotal += 1;
        if (this.highRisk.length > 0) this.highRisk[result.index] = result.indicator;
      }
    }
    if (!result.type) return;
    const lookup = lookupTypeOf(result.type);
    const position = this.plan.indicators[result.index]?.typePosition ?? -1;
    const columns = this.fields.get(lookup);
    if (columns && outcome.kind === 'enriched' && position >= 0) {
      const values = fieldValues(lookup, outcome.data, this.fieldPaths.get(lookup));
      for (const column of columns.values()) column.cells[position] = values.get(column.path) ?? null;
    }
    const compat = this.compat.get(lookup);
    if (compat && position === 0) compat.first = result;
  }

  /** Stages every requested output (String = the first value, StringArray = all, in input order). */
  stageAll(): void {
    // a run stopped early (interrupted) still accounts for every input: the rest were not looked up
    this.plan.indicators.forEach((planned) => {
      if (this.done[planned.index]) return;
      const error = planned.invalid ?? `${planned.indicator}: not looked up: the run was interrupted`;
      this.add({
        index: planned.index,
        indicator: planned.indicator,
        type: planned.type,
        outcome: { kind: 'failed', error },
      });
    });
    const stage = this.stage;
    stage.stage('ipqs.count', 'String', String(this.plan.indicators.length));
    stage.stage('ipqs.success.count', 'String', String(this.enriched));
    stage.stage('ipqs.error.count', 'String', String(this.failed));
    stage.stage('ipqs.high_risk.count', 'String', String(this.highRiskTotal));
    if (this.highRisk.length > 0) {
      stage.stage(
        'ipqs.high_risk.indicators',
        'StringArray',
        this.highRisk.filter((indicator): indicator is string => indicator !== undefined),
      );
    }
    for (const [name, cells] of this.generic) stageColumn(stage, name, cells);
    for (const columns of this.fields.values()) {
      for (const [name, column] of columns) stageColumn(stage, name, column.cells);
    }
    for (const [type, compat] of this.compat) {
      const first = compat.first?.outcome;
      if (first?.kind !== 'enriched') continue;
      if (compat.raw) stage.stage(`ipqs.${type}reputation.json.raw`, 'String', JSON.stringify(first.data));
      if (compat.results) {
        const data = {
          ...first.data,
          IPQS_Reputation: tcV1Reputation(first.verdict.verdict),
          TC_Threat_Rating: tcV1ThreatRating(first.verdict.verdict),
        };
        stage.stage(`ipqs.${type}reputation.results.data`, 'String', JSON.stringify(data));
      }
    }
  }
}

function stageColumn(stage: OutputStage, name: string, cells: readonly Cell[]): void {
  if (cells.length === 0) return;
  stage.stage(name, 'StringArray', cells);
  stage.stage(name, 'String', cells[0] ?? null);
}
