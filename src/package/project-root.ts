/** Finds the project folder (the one holding install.json and package.json) the package is built from. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PackageError } from './package-error';

const MARKERS = ['install.json', 'package.json'] as const;

function isProjectRoot(dir: string): boolean {
  return MARKERS.every((file) => existsSync(path.join(dir, file)));
}

/** The nearest folder at or above `start` holding both markers, or undefined. */
function walkUp(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (isProjectRoot(dir)) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The project root found by walking up from each start in turn (the working directory first, so a
 * project is packaged from where the user stands, then the folder of the running CLI).
 */
export function findProjectRoot(starts: readonly string[]): string {
  for (const start of starts) {
    const root = walkUp(start);
    if (root) return root;
  }
  throw new PackageError(
    `project root: no folder holding ${MARKERS.join(' and ')} at or above ${starts.join(' or ')}`,
  );
}
