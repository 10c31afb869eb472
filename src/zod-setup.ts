/**
 * Zod's settings for the app and the CLI, imported before any schema is built. JIT off: zod compiles a
 * fast parser for each object schema on its first parse (about 2 ms each, with `new Function`, which V8's
 * code cache cannot keep), to save about 4 µs a parse after that: a loss for a run's few param schemas
 * and for every batch below some thousand answers, and under 0.5% of a 10,000-indicator run otherwise.
 */
import { z } from 'zod';

z.config({ jitless: true });

/** Exported so that the bundler keeps this module in import order, ahead of the modules that build schemas. */
export const ZOD_JITLESS = true;
