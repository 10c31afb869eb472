// The package of this repository, unzipped and started the way ThreatConnect starts it: python3 run.py in
// the app folder, with an encrypted param file, the real redis-server and the IPQS simulator.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { buildPackage } from '../../src/package/build-package';
import { randomKey, writeEncryptedParams } from '../helpers/param-file';
import { platformParams, readMessageTc, redisAndSimulator, tcRunDirs } from '../helpers/tc-run';
import { runPython } from './run-python';

const REPO = path.resolve(__dirname, '../..');
const FOLDER = 'TCPB_-_IPQS_Fraud_and_Risk_Scoring_v1';
const SHIPPED = ['README.md', 'dist/app.js', 'dist/main.js', 'install.json', 'layout.json', 'run.py'];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'packaged-app-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Every file under `root`, relative, sorted. */
function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Unzips a .tcx (keeping the modes, as unzip does) and returns the folder it was unzipped into. */
function unzip(file: string, into: string): string {
  new AdmZip(file).extractAllTo(into, true, true);
  return into;
}

describe('the package of this app, unzipped and started with python3 run.py', () => {
  const API_KEY = 'canaryIpqsKey0123456789abcdefABCDEF';
  const OUT = ['#App:9876:ipqs.verdict!String', '#App:9876:ipqs.score!String', '#App:9876:ipqs.count!String'];
  const env = redisAndSimulator();
  const runRoots: string[] = [];
  afterEach(() => {
    for (const root of runRoots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  /** Packages the repository as it is: the jest global setup built dist/ already, and rebuilding it here would rewrite dist/main.js under the other test files running it. */
  async function unzippedApp(withNode = false): Promise<string> {
    const built = await buildPackage({
      root: REPO,
      outDir: path.join(dir, 'target'),
      build: () => Promise.resolve(),
      withNode,
      // a stand-in for the registry's Node: a script that runs this Node, so it works on any host
      nodeBinary: () =>
        Promise.resolve({
          version: process.versions.node,
          data: Buffer.from(`#!/bin/sh\nexec '${process.execPath}' "$@"\n`),
        }),
    });
    return unzip(built.file, path.join(dir, 'unzipped'));
  }

  async function start(appDir: string, app: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) {
    const dirs = tcRunDirs();
    runRoots.push(dirs.root);
    mkdirSync(dirs.inPath, { recursive: true });
    const key = randomKey();
    const paramFile = writeEncryptedParams(dirs.inPath, { ...platformParams(dirs, OUT), ...app }, key);
    const result = await runPython('run.py', {
      cwd: appDir,
      env: { TC_APP_PARAM_FILE: paramFile, TC_APP_PARAM_KEY: key, ...env },
    });
    return { ...result, dirs, paramFile, messageTc: readMessageTc(dirs.outPath) };
  }

  it('holds one folder with the manifests, README, run.py and dist/ (main.js, app.js), and no node_modules', async () => {
    const unzipped = await unzippedApp();
    expect(readdirSync(unzipped)).toEqual([FOLDER]);
    const appDir = path.join(unzipped, FOLDER);
    expect(listFiles(appDir)).toEqual(SHIPPED);
    expect(readFileSync(path.join(appDir, 'install.json'))).toEqual(
      readFileSync(path.join(REPO, 'install.json')),
    );
    expect(statSync(path.join(appDir, 'run.py')).mode & 0o111).not.toBe(0);
  });

  it('enriches the indicators, writes the outputs to Redis and message.tc, and exits 0', async () => {
    const appDir = path.join(await unzippedApp(), FOLDER);
    const result = await start(appDir, {
      ipqs_api_key: API_KEY,
      ipqs_base_url: env.simulator.url,
      indicators: '198.51.100.90',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await env.redis.hgetall(result.dirs.context)).toEqual({
      '#App:9876:ipqs.verdict!String': '"HIGH RISK"',
      '#App:9876:ipqs.score!String': '"90"',
      '#App:9876:ipqs.count!String': '"1"',
    });
    expect(result.messageTc).toBe('IPQS: 1 indicator, 1 enriched, 0 failed, 1 high risk\n');
    expect(existsSync(result.paramFile)).toBe(false);
  });

  it("passes the app's failure exit code and message.tc through", async () => {
    const appDir = path.join(await unzippedApp(), FOLDER);
    const result = await start(appDir, { ipqs_base_url: env.simulator.url, indicators: '198.51.100.90' });
    expect(result.code).toBe(1);
    expect(result.messageTc).toMatch(/^Input validation errors\nipqs_api_key: /);
    expect(await env.redis.hgetall(result.dirs.context)).toEqual({});
  });

  it('runs on the shipped bin/node of a --with-node package when no node is on PATH', async () => {
    const appDir = path.join(await unzippedApp(true), FOLDER);
    expect(listFiles(appDir)).toEqual([...SHIPPED, 'bin/node'].sort());
    const emptyPath = path.join(dir, 'empty-path');
    mkdirSync(emptyPath);
    const result = await start(
      appDir,
      { ipqs_api_key: API_KEY, ipqs_base_url: env.simulator.url, indicators: '198.51.100.90' },
      { PATH: emptyPath },
    );
    expect(result.code).toBe(0);
    expect(await env.redis.hget(result.dirs.context, '#App:9876:ipqs.verdict!String')).toBe('"HIGH RISK"');
  });
});
