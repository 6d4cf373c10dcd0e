import { z } from 'zod';
import { exerciseIdSchema } from './exercise.ts';

/**
 * <base>sandbox/exercises/<id>.json: what the browser engine needs to grade one exercise, written at
 * build time (scripts/sandbox-build.ts) and read by src/sandbox/browser-engine.ts. Never holds
 * learner code: the editable files come from the editor, compiled by Monaco's TypeScript worker.
 */
export const browserBundleSchema = z
  .object({
    exerciseId: exerciseIdSchema,
    checks: z.array(z.string()).describe('Declared check names, in order: the run must report exactly these'),
    entries: z.array(z.string()).min(1).describe('Workspace paths of the check files to run, e.g. "__checks__/complete.check.ts"'),
    editable: z.array(z.string()).min(1).describe('Workspace paths the learner provides (compiled in the page)'),
    modules: z.record(z.string(), z.string()).describe('Workspace path → ES module (esbuild output) for checks and read-only service modules'),
    timeLimitMs: z.number().int().positive(),
  })
  .strict();
export type BrowserBundle = z.infer<typeof browserBundleSchema>;
