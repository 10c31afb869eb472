// Bundles each entry into one file under dist/ (no node_modules at run time): dist/main.js is the
// ThreatConnect entry (a loader with V8's code cache) and dist/app.js the app it loads; dist/cli.js is the
// ipqs-tc command.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export async function buildAll() {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
  };
  await Promise.all([
    build({ ...common, entryPoints: ['src/main.ts'], outfile: 'dist/main.js' }),
    build({ ...common, entryPoints: ['src/app-main.ts'], outfile: 'dist/app.js' }),
    build({
      ...common,
      entryPoints: ['src/cli.ts'],
      outfile: 'dist/cli.js',
      banner: { js: '#!/usr/bin/env node' },
    }),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildAll();
}
