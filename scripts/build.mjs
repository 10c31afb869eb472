// Bundles each entry into one file under dist/ (no node_modules at run time): dist/main.js is the
// ThreatConnect entry (a loader with V8's code cache) and dist/app.js the app it loads; dist/cli.js is the
// ipqs-tc command.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * Load-time work in axios that the app never needs and that costs every start tens of milliseconds: each
 * touches a web global (a Request with a ReadableStream body, `FormData`), which makes Node load undici and
 * web streams. The patches move that work to first use; the build fails if axios's source changed so that
 * a patch no longer applies.
 */
const LOAD_TIME_PATCHES = [
  {
    // the fetch adapter's default is built (feature tests included) as the module loads; axios itself
    // only calls getFetch() when a request asks for the fetch adapter, and the app uses the http one
    file: /[\\/]axios[\\/]lib[\\/]adapters[\\/]fetch\.js$/,
    from: /const adapter = getFetch\(\);\s*export default adapter;/,
    to: 'export default undefined;',
  },
  {
    // isFormData() reads the global FormData only for a truthy value (a GET has none)
    file: /[\\/]axios[\\/]lib[\\/]utils\.js$/,
    from: /const FormDataCtor = typeof G\.FormData !== 'undefined' \? G\.FormData : undefined;([\s\S]*?)if \(FormDataCtor && thing instanceof FormDataCtor\) return true;/,
    to: "$1if (typeof G.FormData !== 'undefined' && thing instanceof G.FormData) return true;",
  },
];

/**
 * Modules axios imports as it loads but the app never uses, replaced for axios's imports only (each a
 * module of its own, by name):
 * - http2: Node would load its HTTP/2 stack, used only for a request with `httpVersion: 2`; the stand-in
 *   loads http2 on first use.
 * - form-data (and with it mime-db's 200 KB table): for multipart bodies, and the app only sends GETs; the
 *   stand-in refuses to be built.
 */
const AXIOS_IMPORT_STAND_INS = {
  http2: `
let http2;
const load = () => (http2 ??= require('node:http2'));
export default {
  get constants() { return load().constants; },
  connect: (...args) => load().connect(...args),
};
`,
  'form-data': `
export default class FormData {
  constructor() {
    throw new Error('multipart form bodies are not part of this build');
  }
}
`,
};

const loadTimePatches = {
  name: 'load-time-patches',
  setup(pluginBuild) {
    const names = Object.keys(AXIOS_IMPORT_STAND_INS).join('|');
    pluginBuild.onResolve({ filter: new RegExp(`^(${names})$`) }, (args) =>
      /[\\/]axios[\\/]/.test(args.importer) ? { path: args.path, namespace: 'axios-stand-in' } : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'axios-stand-in' }, (args) => ({
      contents: AXIOS_IMPORT_STAND_INS[args.path],
      loader: 'js',
      resolveDir: root,
    }));
    for (const patch of LOAD_TIME_PATCHES) {
      pluginBuild.onLoad({ filter: patch.file }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!patch.from.test(source)) {
          throw new Error(`${args.path} changed: the load-time patch ${patch.from} no longer applies`);
        }
        return { contents: source.replace(patch.from, patch.to), loader: 'js' };
      });
    }
  },
};

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
    plugins: [loadTimePatches],
  };
  // The app and the CLI are bundled without whitespace and with shorter syntax: V8 reads, and restores
  // from its code cache, less at each start (measured: app.js 2.5 to 1.8 MB, cold start about 20 ms
  // less). Names are left alone, so stack traces and constructor names read as in the source; full
  // minification kept them only by wrapping every closure as it is created, which made a 30,000 batch
  // 20-35 % slower in paired runs.
  const minified = { minifyWhitespace: true, minifySyntax: true };
  await Promise.all([
    build({ ...common, entryPoints: ['src/main.ts'], outfile: 'dist/main.js' }),
    build({ ...common, ...minified, entryPoints: ['src/app-main.ts'], outfile: 'dist/app.js' }),
    build({
      ...common,
      ...minified,
      entryPoints: ['src/cli.ts'],
      outfile: 'dist/cli.js',
      banner: { js: '#!/usr/bin/env node' },
    }),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildAll();
}
