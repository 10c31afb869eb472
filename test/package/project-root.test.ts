import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PackageError } from '../../src/package/package-error';
import { findProjectRoot } from '../../src/package/project-root';

let dir: string;
beforeEach(() => {
  dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'project-root-')));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function project(name: string, markers: readonly string[] = ['install.json', 'package.json']): string {
  const root = path.join(dir, name);
  mkdirSync(path.join(root, 'dist/nested'), { recursive: true });
  for (const marker of markers) writeFileSync(path.join(root, marker), '{}');
  return root;
}

describe('findProjectRoot', () => {
  it('walks up from a nested folder to the one holding install.json and package.json', () => {
    const root = project('app');
    expect(findProjectRoot([path.join(root, 'dist/nested')])).toBe(root);
  });

  it('skips a folder that holds only one of the two files', () => {
    const outer = project('outer');
    const inner = path.join(outer, 'dist');
    writeFileSync(path.join(inner, 'package.json'), '{}');
    expect(findProjectRoot([path.join(inner, 'nested')])).toBe(outer);
  });

  it('tries the starts in order and takes the first that finds a project', () => {
    const first = project('first');
    const second = project('second');
    expect(findProjectRoot([path.join(dir, 'elsewhere'), second, first])).toBe(second);
  });

  it('throws PackageError naming every start when none is inside a project', () => {
    const lone = project('lone', ['package.json']);
    expect(() => findProjectRoot([lone])).toThrow(
      new PackageError(`project root: no folder holding install.json and package.json at or above ${lone}`),
    );
  });
});
