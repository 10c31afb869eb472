/**
 * The outputs of a run, staged in memory and flushed to the KV store once at exit (tcex
 * `PlaybookOutput` + `PlaybookCreate.variable`). Only outputs a downstream app requested
 * (`tc_playbook_out_variables`) are kept, so staging an unrequested output costs nothing.
 */
import { VariableError } from '../../errors';
import type { KvStore } from '../kvstore/kv-store';
import { serializeValue } from './serialize';
import { parseVariable } from './variable';
import type { AppType } from './variable';

export interface OutputStageOptions {
  /** When set, a bare output name matches only requested variables of this app type. */
  readonly appType?: Extract<AppType, 'App' | 'Trigger'>;
}

interface RequestedVariable {
  readonly variable: string;
  readonly type: string;
}

export class OutputStage {
  /** Full requested variables, for outputs staged under their full variable. */
  private readonly exact = new Map<string, RequestedVariable>();
  /** Requested variables by key, for outputs staged under a bare name (`ipqs.fraud_score`). */
  private readonly byKey = new Map<string, RequestedVariable[]>();
  /** Bare names requested as such (local runs): written under the bare name. */
  private readonly bareNames = new Set<string>();
  /** Variable -> stored string, in staging order. */
  private readonly staged = new Map<string, string>();
  /** Variable -> stored string already written by `flush`. */
  private readonly flushed = new Map<string, string>();

  /** `requested` holds full variables (`#App:9876:ipqs.score!String`) or bare names (`ipqs.score`). */
  constructor(requested: readonly string[], options: OutputStageOptions = {}) {
    for (const entry of requested) {
      const text = entry.trim();
      if (!text) continue;
      const variable = parseVariable(text);
      if (!variable) {
        this.bareNames.add(text);
        continue;
      }
      const target = { variable: text, type: variable.type };
      this.exact.set(text, target);
      if (options.appType === undefined || variable.appType === options.appType) {
        const sameKey = this.byKey.get(variable.key) ?? [];
        sameKey.push(target);
        this.byKey.set(variable.key, sameKey);
      }
    }
  }

  /** Outputs staged and not removed by a later null. */
  get stagedCount(): number {
    return this.staged.size;
  }

  /** True when a downstream app requested `name` (a full variable, or a bare name of `type` if given). */
  isRequested(name: string, type?: string): boolean {
    return this.targets(name, type).length > 0;
  }

  /**
   * Stages `value` as the `type` output `name` when it was requested (a no-op otherwise); a later stage of
   * the same variable replaces it, and a null value removes it (null is never written). A value that does
   * not fit `type` is a `VariableError`.
   */
  stage(name: string, type: string, value: unknown): void {
    const targets = this.targets(name, type);
    if (targets.length === 0) return;
    const exact = this.exact.get(name.trim());
    if (exact && exact.type !== type) {
      throw new VariableError(
        `Invalid output ${exact.variable}: the variable is a ${exact.type}, not a ${type}`,
      );
    }
    const stored = serializeValue(type, value, targets[0]?.variable ?? name);
    for (const { variable } of targets) {
      if (stored === undefined) this.staged.delete(variable);
      else this.staged.set(variable, stored);
    }
  }

  /** The variables staged but not (or not in their latest value) written yet, e.g. after a failed flush. */
  pendingVariables(): string[] {
    return this.pendingEntries().map(([variable]) => variable);
  }

  /**
   * Writes every staged output not yet written, in one `kv.write` call; a second flush writes only
   * what was staged or changed since. Returns the variables written.
   */
  async flush(kv: KvStore): Promise<{ written: string[] }> {
    const entries = this.pendingEntries();
    if (entries.length === 0) return { written: [] };
    await kv.write(entries);
    for (const [variable, stored] of entries) this.flushed.set(variable, stored);
    return { written: entries.map(([variable]) => variable) };
  }

  private pendingEntries(): Array<[string, string]> {
    return [...this.staged].filter(([variable, stored]) => this.flushed.get(variable) !== stored);
  }

  private targets(name: string, type: string | undefined): readonly RequestedVariable[] {
    const text = name.trim();
    const exact = this.exact.get(text);
    if (exact) return [exact];
    if (this.bareNames.has(text)) return [{ variable: text, type: type ?? '' }];
    const sameKey = this.byKey.get(text);
    if (!sameKey) return [];
    return type === undefined ? sameKey.slice(0, 1) : sameKey.filter((target) => target.type === type);
  }
}
