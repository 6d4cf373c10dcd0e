import { z } from 'zod';
import { exerciseIdSchema } from './exercise.ts';
import { exerciseSetSchema } from './exercise-set.ts';
import { exerciseStatusSchema } from './progress.ts';
import { projectArchiveSchema, projectMilestoneSchema } from './project.ts';
import { checkReportSchema } from './report.ts';

export const REPORT_FILE_FORMAT = 'backend-workbook/progress-report' as const;
export const REPORT_FILE_VERSION = 1 as const;

/** Who the report is from; mentors tell interns apart by email when given, by name otherwise. */
export const internSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(80).describe("The intern's name as they typed it"),
    email: z
      .string()
      .trim()
      .email()
      .max(120)
      .optional()
      .describe('Optional contact; identifies the intern across reports'),
  })
  .strict();
export type Intern = z.infer<typeof internSchema>;

/** The intern's work on one exercise of the set, copied from their saved progress. */
export const reportExerciseSchema = z
  .object({
    id: exerciseIdSchema.describe('Exercise id; may be one this workbook does not have (shown as unknown)'),
    status: exerciseStatusSchema.describe("Status claimed by the intern's browser"),
    attempts: z.number().int().nonnegative().describe('Check runs made'),
    hintsUsed: z.number().int().nonnegative().describe('Hints revealed'),
    solutionViewed: z.boolean().describe('Whether the reference solution was opened'),
    passedAt: z.string().datetime().optional().describe('When the checks first all passed'),
    specPassed: z
      .boolean()
      .optional()
      .describe(
        'Test-first (tdd) exercises: the spec has passed stage 1; the exercise counts as passed only once its implementation (stage 2) passed',
      ),
    files: z.record(z.string(), z.string()).describe('Workspace path → the final code, re-graded by the mentor'),
    lastReport: checkReportSchema.optional().describe('The last check report the intern saw'),
  })
  .strict();
export type ReportExercise = z.infer<typeof reportExerciseSchema>;

/** The intern's capstone milestone, from their progress (`project-<m>`): what they claim and their last run. */
export const reportMilestoneSchema = z
  .object({
    milestone: projectMilestoneSchema,
    status: exerciseStatusSchema.describe("Status claimed by the intern's browser"),
    attempts: z.number().int().nonnegative().describe('Checks run from the page or imported from the CLI'),
    passedAt: z.string().datetime().optional().describe('When the milestone first passed'),
    lastReport: checkReportSchema.optional().describe('The last milestone report the intern saw (with its isolation)'),
  })
  .strict();
export type ReportMilestone = z.infer<typeof reportMilestoneSchema>;

/** A progress report file an intern exports for one assignment and a mentor imports. */
export const reportFileSchema = z
  .object({
    format: z.literal(REPORT_FILE_FORMAT).describe('Marks the file as a progress report of this workbook'),
    version: z.literal(REPORT_FILE_VERSION).describe('Format version; bumped on incompatible change'),
    intern: internSchema.describe('Who did the work'),
    set: exerciseSetSchema.describe('The assignment the report answers, as the intern received it'),
    exportedAt: z
      .string()
      .datetime()
      .describe('When the report was exported; the newest report per intern and set wins'),
    exercises: z.array(reportExerciseSchema).describe('One entry per exercise of the set, in set order'),
    milestones: z
      .array(reportMilestoneSchema)
      .max(4)
      .optional()
      .describe('Capstone milestones the intern has checked (absent in reports from before the capstone)'),
    projectArchive: projectArchiveSchema
      .optional()
      .describe(
        "The intern's capstone project (.tar.gz, no node_modules) the mentor's re-grade runs the milestones on",
      ),
  })
  .strict();
export type ReportFile = z.infer<typeof reportFileSchema>;
