/**
 * Reads install.json and layout.json from an app folder, and the parts of them the consistency rules
 * need. The shapes here are deliberately loose: the JSON schemas report structural problems, these only
 * decide whether the rules can run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { errorMessage } from '../errors';

export const INSTALL_JSON = 'install.json';
export const LAYOUT_JSON = 'layout.json';

/** A parsed JSON file, or the one-line problem that stopped it from being read. */
export type ManifestFile =
  { readonly ok: true; readonly data: unknown } | { readonly ok: false; readonly problem: string };

/** Reads and parses one JSON file of the app folder. */
export function readManifestFile(dir: string, file: string): ManifestFile {
  let text: string;
  try {
    text = readFileSync(path.join(dir, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, problem: `${file}: cannot read the file (${code ?? errorMessage(error)})` };
  }
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problem: `${file}: not valid JSON (${errorMessage(error)})` };
  }
}

const Param = z.object({
  name: z.string(),
  type: z.string(),
  sequence: z.number().optional(),
  hidden: z.boolean().optional(),
  serviceConfig: z.boolean().optional(),
});

const OutputVariableEntry = z.object({ name: z.string(), type: z.string() });

const InstallShape = z.object({
  params: z.array(Param).default([]),
  playbook: z.object({ outputVariables: z.array(OutputVariableEntry).default([]) }).optional(),
});

const NamedEntry = z.object({ name: z.string(), display: z.string().optional() });

const LayoutShape = z.object({
  inputs: z.array(z.object({ sequence: z.number(), title: z.string(), parameters: z.array(NamedEntry) })),
  outputs: z.array(NamedEntry).default([]),
});

export type InstallParam = z.infer<typeof Param>;

export interface InstallFacts {
  readonly params: readonly InstallParam[];
  readonly outputVariables: readonly { readonly name: string; readonly type: string }[];
}

export type LayoutEntry = z.infer<typeof NamedEntry>;

export interface LayoutFacts {
  /** Every input parameter, sections ordered by `sequence`, parameters in array order. */
  readonly parameters: readonly LayoutEntry[];
  readonly sectionSequences: readonly number[];
  readonly outputs: readonly LayoutEntry[];
}

/** The params and output variables of install.json, or undefined when its shape is too broken to check. */
export function installFacts(data: unknown): InstallFacts | undefined {
  const parsed = InstallShape.safeParse(data);
  if (!parsed.success) return undefined;
  return { params: parsed.data.params, outputVariables: parsed.data.playbook?.outputVariables ?? [] };
}

/** The inputs (in display order) and outputs of layout.json, or undefined when its shape is too broken. */
export function layoutFacts(data: unknown): LayoutFacts | undefined {
  const parsed = LayoutShape.safeParse(data);
  if (!parsed.success) return undefined;
  // Array.prototype.sort is stable, so sections with equal sequences keep their file order.
  const sections = [...parsed.data.inputs].sort((a, b) => a.sequence - b.sequence);
  return {
    parameters: sections.flatMap((section) => section.parameters),
    sectionSequences: parsed.data.inputs.map((section) => section.sequence),
    outputs: parsed.data.outputs,
  };
}
