/**
 * The relationship rules between layout.json and install.json (contract §2, tcex `check_layout_params`):
 * every visible param exactly once, no unknown or hidden params, display clauses only over params shown
 * earlier, and outputs that exist in `playbook.outputVariables`.
 */
import { displayClauseIdentifiers } from './display-clause';
import type { InstallFacts, InstallParam, LayoutEntry, LayoutFacts } from './manifest-files';

function isVisible(param: InstallParam): boolean {
  return param.hidden !== true && param.serviceConfig !== true;
}

/** The problems of one display clause; `earlier` holds the (lower-case) params it may reference. */
function clauseProblems(
  what: string,
  entry: LayoutEntry,
  earlier: ReadonlySet<string>,
  inLayout: ReadonlySet<string>,
  known: ReadonlySet<string>,
): string[] {
  if (entry.display === undefined) return [];
  const scan = displayClauseIdentifiers(entry.display);
  if (!scan.ok) return [`layout.json: ${what} display clause ${scan.reason}`];
  return scan.identifiers.flatMap((identifier) => {
    if (earlier.has(identifier)) return [];
    if (!known.has(identifier))
      return [`layout.json: ${what} display references unknown param "${identifier}"`];
    if (!inLayout.has(identifier)) {
      return [`layout.json: ${what} display references "${identifier}", which is not in layout inputs`];
    }
    return [`layout.json: ${what} display references "${identifier}", which comes later in layout order`];
  });
}

function inputProblems(install: InstallFacts, layout: LayoutFacts): string[] {
  const problems: string[] = [];
  const params = new Map(install.params.map((param) => [param.name, param]));
  const counts = new Map<string, number>();
  for (const { name } of layout.parameters) counts.set(name, (counts.get(name) ?? 0) + 1);

  for (const param of install.params.filter(isVisible)) {
    const count = counts.get(param.name) ?? 0;
    if (count === 0) problems.push(`layout.json: param "${param.name}" is missing from inputs`);
    if (count > 1) problems.push(`layout.json: param "${param.name}" appears ${count} times in inputs`);
  }
  for (const name of counts.keys()) {
    const param = params.get(name);
    if (param === undefined) problems.push(`layout.json: input "${name}" is not a param of install.json`);
    else if (param.hidden === true) problems.push(`layout.json: input "${name}" is a hidden param`);
    else if (param.serviceConfig === true)
      problems.push(`layout.json: input "${name}" is a serviceConfig param`);
  }

  // SQLite column names are case-insensitive, and the clause scanner lower-cases them.
  const known = new Set(install.params.map((param) => param.name.toLowerCase()));
  const inLayout = new Set(layout.parameters.map((entry) => entry.name.toLowerCase()));
  const earlier = new Set<string>();
  for (const entry of layout.parameters) {
    problems.push(...clauseProblems(`input "${entry.name}"`, entry, earlier, inLayout, known));
    earlier.add(entry.name.toLowerCase());
  }
  return problems;
}

function outputProblems(install: InstallFacts, layout: LayoutFacts): string[] {
  const problems: string[] = [];
  const declared = new Set(install.outputVariables.map((output) => output.name));
  const known = new Set(install.params.map((param) => param.name.toLowerCase()));
  // Output clauses are evaluated once every input is known, so any param in layout may be referenced.
  const inLayout = new Set(layout.parameters.map((entry) => entry.name.toLowerCase()));
  const seen = new Set<string>();
  for (const entry of layout.outputs) {
    if (seen.has(entry.name)) problems.push(`layout.json: output "${entry.name}" is listed more than once`);
    seen.add(entry.name);
    if (!declared.has(entry.name)) {
      problems.push(`layout.json: output "${entry.name}" is not in install.json playbook.outputVariables`);
    }
    problems.push(...clauseProblems(`output "${entry.name}"`, entry, inLayout, inLayout, known));
  }
  return problems;
}

/** One line per broken rule between layout.json and install.json. */
export function layoutProblems(install: InstallFacts, layout: LayoutFacts): string[] {
  const problems: string[] = [];
  const sequences = new Set<number>();
  for (const sequence of layout.sectionSequences) {
    if (sequences.has(sequence)) problems.push(`layout.json: duplicate input section sequence ${sequence}`);
    sequences.add(sequence);
  }
  return [...problems, ...inputProblems(install, layout), ...outputProblems(install, layout)];
}
