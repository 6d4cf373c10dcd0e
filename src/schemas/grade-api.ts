import { z } from 'zod';
import { projectArchiveSchema, projectMilestoneSchema } from './project.ts';

// The local grading API between `npm start` (server/grade-api.ts) and the page
// (src/sandbox/local-engine.ts): its paths, its guard header and its JSON answers, in one place
// both sides import, so neither can drift from the other.

/** POST: a GradeRequest in, GradeEvents out as NDJSON. */
export const GRADE_PATH = '/api/grade';
/** GET: whether this server can grade (healthResponseSchema). */
export const HEALTH_PATH = '/api/health';
/** The per-process token the server writes into the pages it serves; the page sends it back. */
export const TOKEN_HEADER = 'x-workbook-token';

/** An API refusal or failure (any status other than 200), in words the page shows as they are. */
export const apiErrorSchema = z
  .object({
    ok: z.literal(false).optional().describe('Present on health answers of a server that cannot grade'),
    error: z.string().min(1).describe('What went wrong and what to do next'),
  })
  .strict();
export type ApiError = z.infer<typeof apiErrorSchema>;

/** GET /api/health with status 200: the server grades, with this many exercises, and says what it lacks. */
export const healthResponseSchema = z
  .object({
    ok: z.literal(true),
    engine: z.literal('local').describe('The engine that answers: the grader behind `npm start`'),
    exercises: z.number().int().nonnegative().describe('Exercises the grader can grade'),
    missing: z
      .object({
        redis: z.string().min(1).optional().describe('Why Redis cannot be reached, with the command that starts it'),
      })
      .strict()
      .optional()
      .describe('Infrastructure exercises need that this server cannot reach right now (absent: all there)'),
  })
  .strict();
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** POST: a ProjectCheckRequest in, GradeEvents out as NDJSON (the capstone's "Check milestone"). */
export const PROJECT_CHECK_PATH = '/api/project-check';

/** What "Check milestone" sends: which milestone, and the project folder on the machine running `npm start`. */
export const projectCheckRequestSchema = z
  .object({
    milestone: projectMilestoneSchema,
    dir: z
      .string()
      .min(1)
      .max(1024)
      .describe('The project folder as a full path (it holds workbook.project.json), e.g. /home/you/my-task-service'),
  })
  .strict();
export type ProjectCheckRequest = z.infer<typeof projectCheckRequestSchema>;

/** POST: a ProjectRegradeRequest in, GradeEvents out as NDJSON (a mentor's re-grade of a report's project archive). */
export const PROJECT_REGRADE_PATH = '/api/project-regrade';

/** What the mentor's dashboard sends to re-grade a milestone: the archive the intern's report carries. */
export const projectRegradeRequestSchema = z
  .object({
    milestone: projectMilestoneSchema,
    archive: projectArchiveSchema,
  })
  .strict();
export type ProjectRegradeRequest = z.infer<typeof projectRegradeRequestSchema>;
