import { z } from 'zod';
import { exerciseIdSchema } from './exercise.ts';

export const EXERCISE_SET_FORMAT = 'backend-workbook/exercise-set' as const;
export const EXERCISE_SET_VERSION = 1 as const;

/** A calendar day without a time zone, e.g. "2026-12-01"; an assignment is due at the end of that day. */
export const dueDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD, e.g. "2026-12-01"')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: 'is not a real calendar day',
    },
  )
  .describe("Due day, YYYY-MM-DD, end of day in the intern's time zone");
export type DueDate = z.infer<typeof dueDateSchema>;

/** One exercise of a set, with its optional due day. */
export const setExerciseSchema = z
  .object({
    id: exerciseIdSchema.describe('Exercise id, as in exercises/<id>/exercise.json'),
    due: dueDateSchema.optional(),
  })
  .strict();
export type SetExercise = z.infer<typeof setExerciseSchema>;

/** An exercise set a mentor hands out, as a link or a JSON file (sets/*.json ship curated ones). */
export const exerciseSetSchema = z
  .object({
    format: z.literal(EXERCISE_SET_FORMAT).describe('Marks the file as an exercise set of this workbook'),
    version: z.literal(EXERCISE_SET_VERSION).describe('Format version; bumped on incompatible change'),
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case, e.g. "phase-1-week-2"')
      .max(80)
      .describe('Kebab-case id; an intern holds at most one assignment per set id'),
    title: z.string().trim().min(3).max(120).describe('Title shown to the intern'),
    mentor: z.string().trim().min(1).max(80).describe('Who assigned the set'),
    notes: z.string().max(2000).optional().describe('Free text from the mentor: expectations, links, advice'),
    exercises: z
      .array(setExerciseSchema)
      .min(1, 'must list at least one exercise')
      .max(200)
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((e, i) => {
          if (seen.has(e.id))
            ctx.addIssue({
              code: 'custom',
              path: [i, 'id'],
              message: `"${e.id}" is listed twice; list each exercise once`,
            });
          seen.add(e.id);
        });
      })
      .describe('Exercises in the order the intern should do them'),
  })
  .strict();
export type ExerciseSet = z.infer<typeof exerciseSetSchema>;
export type ExerciseSetInput = z.input<typeof exerciseSetSchema>;
