import { z } from 'zod';
import { workspacePathSchema } from './exercise.ts';

/**
 * One anchored change to a service file: the text `find` must occur exactly once in the file (as
 * earlier edits of the same mutant left it), and becomes `replace`. Anchors fail loudly when the
 * service moves on, where a whole-file copy would silently keep testing yesterday's code.
 */
export const mutantEditSchema = z
  .object({
    file: workspacePathSchema.describe('Service file to change, e.g. "src/domain/task/task.entity.ts"'),
    find: z.string().min(1).describe('Exact text in that file, occurring exactly once'),
    replace: z.string().describe('The text that takes its place (empty: delete it)'),
  })
  .strict();
export type MutantEdit = z.infer<typeof mutantEditSchema>;

/**
 * checks/<id>/mutants/<name>.json: a plausible wrong implementation that a write-tests learner's
 * spec must fail on, stored as edits to the reference service (read by src/catalog/mutants.ts).
 */
export const mutantSchema = z
  .object({
    description: z
      .string()
      .min(1)
      .describe('What the mutant gets wrong; the check reads "kills the mutant: <description>"'),
    edits: z.array(mutantEditSchema).min(1).describe('Applied in order to service/<file>'),
  })
  .strict();
export type Mutant = z.infer<typeof mutantSchema>;
