import { z } from 'zod';
import { exerciseIdSchema } from './exercise.ts';
import { checkReportSchema } from './report.ts';

export const PROGRESS_VERSION = 1 as const;

export const exerciseStatusSchema = z.enum(['not-started', 'attempted', 'passed']);
export type ExerciseStatus = z.infer<typeof exerciseStatusSchema>;

/** One stage of a tdd exercise: the learner's spec (stage 1) or implementation (stage 2). */
export const stageProgressSchema = z
  .object({
    status: z.enum(['attempted', 'passed']).describe('passed: this stage has passed at least once'),
    firstPassedAt: z.string().datetime().optional(),
    lastReport: checkReportSchema.optional().describe("This stage's last report"),
  })
  .strict();
export type StageProgress = z.infer<typeof stageProgressSchema>;

/** One learner's state for one exercise, saved in the browser. */
export const exerciseProgressSchema = z
  .object({
    files: z.record(z.string(), z.string()).describe("Workspace path → the learner's current code"),
    status: exerciseStatusSchema,
    attempts: z.number().int().nonnegative(),
    firstPassedAt: z.string().datetime().optional(),
    hintsUsed: z.number().int().nonnegative(),
    solutionViewed: z.boolean(),
    lastReport: checkReportSchema.optional(),
    gradedDigest: z
      .string()
      .min(1)
      .optional()
      .describe('filesDigest of the code lastReport graded; absent for results saved before it was recorded'),
    stages: z
      .object({ spec: stageProgressSchema.optional(), implementation: stageProgressSchema.optional() })
      .strict()
      .optional()
      .describe(
        'tdd exercises only: each stage\'s result. The exercise\'s status is "passed" only once the implementation stage passed; absent in progress saved before tdd exercises existed',
      ),
    updatedAt: z.string().datetime(),
  })
  .strict();
export type ExerciseProgress = z.infer<typeof exerciseProgressSchema>;

/** Everything the browser persists about the learner's work (checklists, assignments are added by their owners). */
export const progressSchema = z
  .object({
    version: z.literal(PROGRESS_VERSION),
    exercises: z.record(exerciseIdSchema, exerciseProgressSchema),
  })
  .passthrough();
export type Progress = z.infer<typeof progressSchema>;
