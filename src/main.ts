/**
 * The ThreatConnect entry (`node dist/main.js`): a small loader that tunes V8 for a short-lived batch job,
 * then runs the bundled app (dist/app.js) through V8's code cache.
 * - The code cache is written once the first run on a host has ended, so it holds every function that
 *   run compiled (v8-compile-cache, used before, writes it before the script runs, when V8 has compiled
 *   only the top level: every later run compiled the bundle's functions again, about 40 ms of each cold
 *   start). Node 22's `module.enableCompileCache` does this; Node 20 has nothing built in. The cache is
 *   in the OS temp folder, in a folder of the user's own, per Node version, platform and bundle (size and
 *   modification time); V8 itself rejects one that does not fit, and the next run writes it again.
 *   `DISABLE_V8_COMPILE_CACHE=1` turns it off.
 * - `--optimize-for-size`: V8 otherwise lets the heap fill with the garbage of thousands of responses before
 *   it collects (peak RSS grew with the batch); with it, memory stays flat at the same speed. It is a heap
 *   growth heuristic, not a limit, so a large output still fits.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--optimize-for-size');
// V8 drops the bytecode of functions unused for a while; a cache written after a long batch then lacked the
// start-up code and made cold starts slower than no cache at all (measured: 402 against 280 ms)
v8.setFlagsFromString('--no-flush-bytecode');

const appFile = path.join(__dirname, 'app.js');

/** Where this bundle's code cache lives, or undefined when the cache is off or the folder is unusable. */
function cacheFileFor(file: string): string | undefined {
  if (process.env.DISABLE_V8_COMPILE_CACHE === '1') return undefined;
  try {
    const { size, mtimeMs } = statSync(file);
    const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
    const dir = path.join(os.tmpdir(), `ipqs-tc-code-cache-${uid}`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const version = `${process.version}-${process.platform}-${process.arch}`;
    return path.join(dir, `app-${version}-${size}-${Math.trunc(mtimeMs)}.bin`);
  } catch {
    return undefined;
  }
}

function readCache(file: string | undefined): Buffer | undefined {
  if (file === undefined) return undefined;
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the cache beside its final name, then renames it: concurrent runs never read half a file. */
function writeCache(file: string, script: vm.Script): void {
  try {
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
    renameSync(partial, file);
  } catch {
    // a read-only or full temp folder only costs the next run its cache
  }
}

const cacheFile = cacheFileFor(appFile);
const cachedData = readCache(cacheFile);
const script = new vm.Script(Module.wrap(readFileSync(appFile, 'utf8')), {
  filename: appFile,
  ...(cachedData ? { cachedData } : {}),
});
if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
  // on exit: by then every function the run needed is compiled, and goes into the cache
  process.once('exit', () => writeCache(cacheFile, script));
}

const appModule = new Module(appFile, module);
appModule.filename = appFile;
const run = script.runInThisContext() as (
  exports: unknown,
  require: NodeJS.Require,
  module: Module,
  filename: string,
  dirname: string,
) => void;
run.call(appModule.exports, appModule.exports, Module.createRequire(appFile), appModule, appFile, __dirname);
