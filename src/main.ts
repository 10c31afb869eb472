/**
 * The ThreatConnect entry (`node dist/main.js`): a small loader that tunes V8 for a short-lived batch job,
 * then loads the bundled app (dist/app.js).
 * - V8's code cache (v8-compile-cache, in the OS temp folder per Node version): compiling the 2.5 MB bundle
 *   is most of a cold start, and every run after the first on a worker skips it.
 * - `--optimize-for-size`: V8 otherwise lets the heap fill with the garbage of thousands of responses before
 *   it collects (peak RSS grew with the batch); with it, memory stays flat at the same speed. It is a heap
 *   growth heuristic, not a limit, so a large output still fits.
 */
import v8 from 'node:v8';
import 'v8-compile-cache';
import path from 'node:path';

v8.setFlagsFromString('--optimize-for-size');

// a runtime require of the sibling bundle, so that it goes through the code-cache hook installed above
// eslint-disable-next-line @typescript-eslint/no-require-imports
require(path.join(__dirname, 'app.js'));
