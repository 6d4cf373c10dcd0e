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
    entries: z
      .array(z.string())
      .min(1)
      .describe('Workspace paths of the check files to run, e.g. "__checks__/complete.check.ts"'),
    editable: z.array(z.string()).min(1).describe('Workspace paths the learner provides (compiled in the page)'),
    modules: z
      .record(z.string(), z.string())
      .describe('Workspace path → ES module (esbuild output) for checks and read-only service modules'),
    timeLimitMs: z.number().int().positive(),
    kind: z
      .enum(['implement', 'write-tests'])
      .default('implement')
      .describe("write-tests: the entries are the learner's spec, run against the reference and each mutant"),
    mutants: z
      .array(
        z
          .object({
            description: z
              .string()
              .min(1)
              .describe('mutant.json description; the check is "kills the mutant: <description>"'),
            modules: z
              .record(z.string(), z.string())
              .describe('Workspace path → ES module replacing the reference (or the learner) file'),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();
export type BrowserBundle = z.infer<typeof browserBundleSchema>;
