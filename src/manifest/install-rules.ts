/**
 * The install.json checks `tcex validate` makes beyond the schema (contract §1.9): duplicate param names,
 * duplicate param sequences, duplicate output variables (name + type).
 */
import type { InstallFacts } from './manifest-files';

/** Keys that occur more than once, each with how many times, in first-seen order. */
function repeated<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item)) ?? [];
    group.push(item);
    groups.set(key(item), group);
  }
  return [...groups].filter(([, group]) => group.length > 1);
}

/** One line per duplicate in install.json. */
export function installProblems(install: InstallFacts): string[] {
  const problems: string[] = [];
  for (const [name, group] of repeated(install.params, (param) => param.name)) {
    problems.push(`install.json: duplicate param name "${name}" (defined ${group.length} times)`);
  }
  const sequenced = install.params.filter((param) => param.sequence !== undefined);
  for (const [sequence, group] of repeated(sequenced, (param) => String(param.sequence))) {
    const names = group.map((param) => `"${param.name}"`).join(', ');
    problems.push(`install.json: duplicate param sequence ${sequence} (${names})`);
  }
  for (const [, group] of repeated(install.outputVariables, (output) => `${output.name}\n${output.type}`)) {
    const { name, type } = group[0]!;
    problems.push(
      `install.json: duplicate output variable "${name}" of type ${type} (${group.length} times)`,
    );
  }
  return problems;
}
