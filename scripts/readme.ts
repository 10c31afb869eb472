/**
 * `npm run docs`: rewrites the generated sections of README.md (params, outputs, verdict ladders, simulator
 * magic values) from the code and the manifests, and formats the file with prettier.
 * `npm run docs -- --check` only reports whether README.md is stale (exit 1).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { renderSections, withSections } from '../src/docs/readme-sections';

const root = path.resolve(__dirname, '..');

function read(file: string): string {
  return readFileSync(path.join(root, file), 'utf8');
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const target = path.join(root, 'README.md');
  const before = read('README.md');
  const sections = renderSections({
    install: JSON.parse(read('install.json')) as unknown,
    layout: JSON.parse(read('layout.json')) as unknown,
    simulatorReadme: read('src/simulator/README.md'),
  });
  const config = (await prettier.resolveConfig(target)) ?? {};
  const after = await prettier.format(withSections(before, sections), { ...config, filepath: target });
  const changed = after !== before;
  if (changed && !check) writeFileSync(target, after);
  const verdict = changed ? (check ? 'is stale: run `npm run docs`' : 'updated') : 'up to date';
  process.stdout.write(`README.md ${verdict}\n`);
  return check && changed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`docs: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
