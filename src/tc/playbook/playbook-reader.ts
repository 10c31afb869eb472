/**
 * Reads playbook variables from the KV store and resolves app inputs that are (or embed) playbook or TC
 * variables, like tcex `PlaybookRead` and `Input.contents_resolved`. Nesting is resolved one level deep:
 * values read while expanding another value are used as stored.
 */
import type { AxiosInstance } from 'axios';
import { VariableError } from '../../errors';
import type { SecretRegistry } from '../../logging/secrets';
import type { KvStore } from '../kvstore/kv-store';
import { EMBEDDED_BINARY, EMBEDDED_NULL } from './embedded-placeholders';
import { pythonJsonDumps } from './python-json';
import { deserializeValue } from './serialize';
import { resolveTcVariable } from './tc-variable';
import { EMBEDDED_VARIABLE_PATTERN, isPlaybookVariable, parseTcVariable, parseVariable } from './variable';

/** What the reader needs: the run's KV store, the TC API (for TC variables) and the secret registry. */
export interface PlaybookReaderDeps {
  readonly kv: KvStore;
  readonly tcApi?: AxiosInstance;
  readonly secrets: SecretRegistry;
}

export class PlaybookReader {
  constructor(private readonly deps: PlaybookReaderDeps) {}

  /**
   * The typed value of one playbook variable (String -> string, Binary -> Buffer, KeyValue -> object...),
   * or null when it is not in the KV store. Embedded variables of a String and nested KeyValue values
   * are resolved.
   */
  async readVariable(variable: string): Promise<unknown> {
    const parsed = parseVariable(variable.trim());
    if (!parsed) throw new VariableError(`Not a playbook variable: ${variable}`);
    return this.read(parsed.text, parsed.type, true);
  }

  /**
   * An app input with its variables resolved: an exact playbook variable is read (typed), an exact TC
   * variable fetched, each string of an array resolved, each `value` of a KeyValueList entry resolved, and
   * variables embedded in other strings replaced by their text. Other values are returned as given.
   */
  async resolveInput(value: unknown): Promise<unknown> {
    if (typeof value === 'string') return this.resolveString(value);
    if (!Array.isArray(value)) return value;
    const resolved: unknown[] = [];
    for (const item of value as unknown[]) {
      if (typeof item === 'string') {
        resolved.push(await this.resolveString(item));
      } else if (isKeyValueEntry(item) && typeof item.value === 'string') {
        resolved.push({ ...item, value: await this.resolveString(item.value) });
      } else {
        resolved.push(item);
      }
    }
    return resolved;
  }

  private async resolveString(text: string): Promise<unknown> {
    const trimmed = text.trim();
    const variable = parseVariable(trimmed);
    if (variable) return this.read(variable.text, variable.type, true);
    const tcVariable = parseTcVariable(trimmed);
    if (tcVariable) return resolveTcVariable(tcVariable, this.deps.tcApi, this.deps.secrets);
    return this.expandEmbedded(text);
  }

  /** Reads and decodes one variable; `resolveNested` resolves the variables its value holds, one level. */
  private async read(key: string, type: string, resolveNested: boolean): Promise<unknown> {
    const raw = await this.deps.kv.read(key);
    if (raw === null) return null;
    const value = deserializeValue(type, raw, key);
    if (!resolveNested || value === null) return value;
    switch (type) {
      case 'String':
        // A String holding exactly a variable is data (e.g. an app that outputs variable names), not a reference.
        return typeof value === 'string' && !isPlaybookVariable(value) ? this.expandEmbedded(value) : value;
      case 'KeyValue':
        return this.resolveKeyValue(value);
      case 'KeyValueArray': {
        const entries: unknown[] = [];
        for (const entry of value as unknown[]) entries.push(await this.resolveKeyValue(entry));
        return entries;
      }
      default:
        return value;
    }
  }

  private async resolveKeyValue(entry: unknown): Promise<unknown> {
    if (!isKeyValueEntry(entry) || typeof entry.value !== 'string') return entry;
    const nested = parseVariable(entry.value.trim());
    const value = nested
      ? await this.read(nested.text, nested.type, false)
      : await this.expandEmbedded(entry.value);
    return { ...entry, value };
  }

  /**
   * Replaces each variable embedded in `text` with its value as text (tcex `_read_embedded`): Binary as
   * `<binary>`, objects and arrays as JSON, missing values as `<null>`. Values read here are not expanded
   * again.
   */
  private async expandEmbedded(text: string): Promise<string> {
    let result = text;
    const done = new Set<string>();
    for (const match of text.matchAll(EMBEDDED_VARIABLE_PATTERN)) {
      const token = match[0];
      if (done.has(token)) continue;
      done.add(token);
      const replacement = await this.embeddedText(token, match.groups?.origin, match.groups?.type);
      // split/join replaces every occurrence literally, like Python's str.replace (no `$&` patterns).
      if (replacement !== undefined) result = result.split(token).join(replacement);
    }
    return result;
  }

  private async embeddedText(token: string, origin?: string, type?: string): Promise<string | undefined> {
    let value: unknown;
    if (origin === '&') {
      const tcVariable = parseTcVariable(token);
      // Not a well-formed TC variable (e.g. `&{App:...}`): left as typed.
      if (!tcVariable) return undefined;
      value = await resolveTcVariable(tcVariable, this.deps.tcApi, this.deps.secrets);
    } else if (type === 'Binary' || type === 'BinaryArray') {
      return EMBEDDED_BINARY;
    } else {
      // An untyped token (`#App:1:name`) is read as a String under that exact key, as tcex does.
      value = await this.read(token, type ?? 'String', false);
    }
    return embeddedValueText(value);
  }
}

function embeddedValueText(value: unknown): string {
  if (value === null || value === undefined) return EMBEDDED_NULL;
  if (Buffer.isBuffer(value)) return EMBEDDED_BINARY;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return pythonJsonDumps(value);
}

function isKeyValueEntry(value: unknown): value is { key: unknown; value: unknown } {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && 'key' in value && 'value' in value
  );
}
