/** Runs the project's own bundler (scripts/build.mjs, the one `npm run build` runs) before packaging. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { errorMessage } from '../errors';
import { PackageError } from './package-error';

/** The build script, relative to the project root. */
export const BUILD_SCRIPT = 'scripts/build.mjs';

/** Runs `node scripts/build.mjs` in `root`; its output goes to stderr, so stdout keeps only the result. */
export function runBuildScript(root: string): Promise<void> {
  const script = path.join(root, BUILD_SCRIPT);
  if (!existsSync(script)) return Promise.reject(new PackageError(`build: ${script} does not exist`));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd: root, stdio: ['ignore', 2, 2] });
    child.on('error', (error) => {
      reject(new PackageError(`build: cannot run node ${BUILD_SCRIPT} (${errorMessage(error)})`));
    });
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else {
        const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        reject(new PackageError(`build: node ${BUILD_SCRIPT} ${how} (its errors are above)`));
      }
    });
  });
}
