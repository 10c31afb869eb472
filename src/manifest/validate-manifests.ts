/**
 * Validates an app folder's install.json and layout.json the way `tcex validate` does (schemas, duplicate
 * params/sequences/outputs, layout consistency), plus drift against the output table in code.
 */
import { ManifestError } from '../errors';
import { layoutOutputsDrift, outputVariablesDrift } from './generated-outputs';
import { installProblems } from './install-rules';
import { layoutProblems } from './layout-rules';
import { INSTALL_JSON, LAYOUT_JSON, installFacts, layoutFacts, readManifestFile } from './manifest-files';
import { schemaProblems } from './schema-check';

export interface ManifestReport {
  /** One line per problem, each naming the file and the item; empty when both files are valid. */
  readonly problems: string[];
  /** Number of install.json params (0 when unreadable). */
  readonly params: number;
  /** Number of install.json output variables, name + type (0 when unreadable). */
  readonly outputs: number;
}

export interface ValidateOptions {
  /** Compare the outputs with the output table (default true; off for apps that are not this one). */
  readonly checkDrift?: boolean;
}

function parsed(dir: string, file: typeof INSTALL_JSON | typeof LAYOUT_JSON, problems: string[]): unknown {
  const read = readManifestFile(dir, file);
  if (!read.ok) {
    problems.push(read.problem);
    return undefined;
  }
  problems.push(...schemaProblems(file, read.data));
  return read.data;
}

/** Every problem of the install.json and layout.json in `dir`. */
export function validateManifests(dir: string, options: ValidateOptions = {}): ManifestReport {
  const problems: string[] = [];
  const installData = parsed(dir, INSTALL_JSON, problems);
  const layoutData = parsed(dir, LAYOUT_JSON, problems);
  // The rules run on whatever shape survives; a file too broken for them is already reported above.
  const install = installData === undefined ? undefined : installFacts(installData);
  const layout = layoutData === undefined ? undefined : layoutFacts(layoutData);
  if (install) problems.push(...installProblems(install));
  if (install && layout) problems.push(...layoutProblems(install, layout));
  if (options.checkDrift ?? true) {
    const drift = [
      install && outputVariablesDrift(install.outputVariables),
      layout && layoutOutputsDrift(layout.outputs),
    ];
    problems.push(...drift.filter((line): line is string => typeof line === 'string'));
  }
  return { problems, params: install?.params.length ?? 0, outputs: install?.outputVariables.length ?? 0 };
}

/** Throws ManifestError listing every problem when the manifests in `dir` are not valid. */
export function assertValidManifests(dir: string, options: ValidateOptions = {}): void {
  const { problems } = validateManifests(dir, options);
  if (problems.length > 0) throw new ManifestError(problems);
}
