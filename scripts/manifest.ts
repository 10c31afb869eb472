/**
 * `npm run manifest`: regenerates install.json `playbook.outputVariables` and layout.json `outputs` from the
 * output table in code, leaving every other field alone, and formats both files with prettier.
 * `npm run manifest -- --check` only reports whether they are stale (exit 1).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { withGeneratedLayoutOutputs, withGeneratedOutputVariables } from '../src/manifest/generated-outputs';
import { toJsonSource } from '../src/manifest/json-source';

const root = path.resolve(__dirname, '..');

const TARGETS: readonly { file: string; generate: (current: unknown) => unknown }[] = [
  { file: 'install.json', generate: withGeneratedOutputVariables },
  { file: 'layout.json', generate: withGeneratedLayoutOutputs },
];

async function regenerate(file: string, generate: (current: unknown) => unknown): Promise<boolean> {
  const target = path.join(root, file);
  const before = readFileSync(target, 'utf8');
  const config = (await prettier.resolveConfig(target)) ?? {};
  const after = await prettier.format(toJsonSource(generate(JSON.parse(before))), {
    ...config,
    filepath: target,
  });
  if (after === before) return false;
  if (!process.argv.includes('--check')) writeFileSync(target, after);
  return true;
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { file, generate } of TARGETS) {
    const changed = await regenerate(file, generate);
    if (changed) stale += 1;
    const verdict = changed ? (check ? 'is stale: run `npm run manifest`' : 'updated') : 'up to date';
    process.stdout.write(`${file} ${verdict}\n`);
  }
  return check && stale > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`manifest: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
