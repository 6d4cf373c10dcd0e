import { z } from 'zod';
import { competencySchema } from './competency.ts';

/** Exercise ids are kebab-case and double as folder names under exercises/, solutions/ and checks/. */
export const exerciseIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case, e.g. "cache-aside-get-task"')
  .describe('Kebab-case id, equal to the exercise folder name');
export type ExerciseId = z.infer<typeof exerciseIdSchema>;

/** A path inside the service workspace, e.g. "src/domain/task/task.entity.ts". */
export const workspacePathSchema = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.split('/').includes('..') && !p.includes('\\'), {
    message: 'must be a relative path inside the service workspace, without ".." or backslashes',
  })
  .describe('Relative path inside the service workspace');

export const exerciseFileSchema = z
  .object({
    path: workspacePathSchema,
    editable: z.boolean().describe('true: the learner edits it; false: shown read-only for context'),
  })
  .strict();

export const NEEDS = ['db', 'redis'] as const;

/**
 * The two graded stages of a `tdd` exercise. spec (red): the learner's spec, written against an
 * interface with no implementation yet, must pass against the reference and kill every mutant.
 * implementation (green): the learner's implementation must pass their own spec and the hidden checks.
 */
export const tddStageSchema = z.enum(['spec', 'implementation']);
export type TddStage = z.infer<typeof tddStageSchema>;

export const exerciseManifestSchema = z
  .object({
    id: exerciseIdSchema,
    title: z.string().min(3).max(120).describe('Title shown in the catalog and the chapter'),
    week: z.number().int().min(1).max(12).describe('Program week the exercise belongs to'),
    competencies: z.array(competencySchema).min(1).describe('What the exercise trains'),
    difficulty: z.enum(['beginner', 'intermediate', 'advanced']),
    kind: z
      .enum(['implement', 'write-tests', 'tdd'])
      .describe(
        'implement: hidden checks grade the code; write-tests: the learner spec is graded by mutants; tdd: test first, in two stages (see tddStageSchema)',
      ),
    summary: z.string().min(10).max(300).describe('One or two sentences for the catalog card'),
    files: z
      .array(exerciseFileSchema)
      .min(1)
      .refine((files) => files.some((f) => f.editable), { message: 'at least one file must be editable' })
      .describe('Files shown in the editor, in tab order'),
    needs: z.array(z.enum(NEEDS)).default([]).describe('Infrastructure the checks need: db (PGlite), redis'),
    timeLimitMs: z.number().int().min(1000).max(60000).default(10000).describe('Wall-clock limit for one grading run'),
    hints: z.array(z.string().min(1)).min(2).describe('Hints, revealed one at a time'),
    order: z
      .number()
      .int()
      .min(1)
      .describe(
        "Place in its week's difficulty ladder: 1 = first, unique within the week, 1..n without gaps, easy to hard, core before optional; the catalog, chapter and sets follow it",
      ),
    optional: z.boolean().default(false).describe('true: an optional exercise of its week, shown as such'),
  })
  .strict();

export type ExerciseManifest = z.infer<typeof exerciseManifestSchema>;
export type ExerciseManifestInput = z.input<typeof exerciseManifestSchema>;
