/**
 * The `ipqs-tc validate` command: checks the app folder's install.json and layout.json and prints the
 * verdict, one line per problem.
 */
import { validateManifests } from './validate-manifests';

/** Validates the manifests in `dir`, writes the result through `out`, and returns the exit code (0 or 1). */
export function runValidateCommand(dir: string, out: (line: string) => void): number {
  const report = validateManifests(dir);
  if (report.problems.length === 0) {
    out(`install.json and layout.json are valid (${report.params} params, ${report.outputs} outputs)`);
    return 0;
  }
  for (const problem of report.problems) out(problem);
  return 1;
}
