import { z } from 'zod';
import { exerciseIdSchema } from './exercise.ts';

/** Front matter of one week chapter (src/content/weeks/week-NN.mdx). */
export const weekSchema = z
  .object({
    week: z.number().int().min(1).max(12).describe('Week number, 1–12, equal to the file name'),
    phase: z.union([z.literal(1), z.literal(2)]).describe('1: learning phase (weeks 1–5), 2: final project (6–12)'),
    title: z.string().min(3).describe('Chapter title'),
    summary: z.string().min(20).describe('One-paragraph summary for the home page and search'),
    objectives: z.array(z.string().min(3)).min(1).describe('What the intern can do after the week'),
    topics: z.array(z.string().min(2)).min(1).describe('Topics covered'),
    hours: z.number().int().positive().describe('Estimated hours of work'),
    exercises: z.array(exerciseIdSchema).default([]).describe('Exercise ids embedded in the chapter'),
    prerequisites: z.array(z.string()).default([]).describe('What to know before starting'),
  })
  .strict();
export type Week = z.infer<typeof weekSchema>;

/** The week schema plus a cross-check: every `exercises` id must be one of `known` (exercises on disk). */
export function weekSchemaWithExercises(known: ReadonlySet<string>) {
  return weekSchema.superRefine((week, ctx) => {
    week.exercises.forEach((id, i) => {
      if (known.has(id)) return;
      ctx.addIssue({
        code: 'custom',
        path: ['exercises', i],
        message: `names exercise "${id}", which does not exist: add exercises/${id}/exercise.json or fix the id (known: ${[...known].join(', ') || 'none yet'})`,
      });
    });
  });
}
