import { z } from 'zod';
import { exerciseIdSchema } from './exercise.ts';

export const REPORT_VERSION = 1 as const;

export const checkStatusSchema = z.enum(['passed', 'failed', 'error', 'timeout', 'skipped']);
export type CheckStatus = z.infer<typeof checkStatusSchema>;

/** The outcome of one hidden check, phrased for the learner. */
export const checkResultSchema = z
  .object({
    name: z.string().describe('Human name, e.g. "complete() throws when the task is already completed"'),
    status: checkStatusSchema,
    message: z.string().optional().describe('Learner-facing explanation; never the grader\'s own stack frames'),
    expected: z.string().optional().describe('Expected value, serialised for display'),
    received: z.string().optional().describe('Received value, serialised for display'),
    durationMs: z.number().nonnegative(),
  })
  .strict();
export type CheckResult = z.infer<typeof checkResultSchema>;

export const reportStatusSchema = z.enum(['passed', 'failed', 'error', 'timeout']);
export type ReportStatus = z.infer<typeof reportStatusSchema>;

export const engineNameSchema = z.enum(['local', 'webcontainer', 'cli']);
export type EngineName = z.infer<typeof engineNameSchema>;

/** The full result of grading one submission. */
export const checkReportSchema = z
  .object({
    version: z.literal(REPORT_VERSION),
    exerciseId: exerciseIdSchema,
    status: reportStatusSchema,
    checks: z.array(checkResultSchema).describe('In the order the checks are declared'),
    message: z.string().optional().describe('Run-level explanation for error and timeout (what failed, what to do)'),
    durationMs: z.number().nonnegative(),
    engine: engineNameSchema,
    finishedAt: z.string().datetime(),
  })
  .strict();
export type CheckReport = z.infer<typeof checkReportSchema>;

/** Events streamed while grading (NDJSON over HTTP, lines on stdout in a WebContainer). */
export const gradeEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('queued'), position: z.number().int().nonnegative() }).strict(),
  z.object({ type: z.literal('started'), exerciseId: exerciseIdSchema, checks: z.array(z.string()) }).strict(),
  z.object({ type: z.literal('check'), check: checkResultSchema }).strict(),
  z.object({ type: z.literal('report'), report: checkReportSchema }).strict(),
]);
export type GradeEvent = z.infer<typeof gradeEventSchema>;

/** What every engine receives: the exercise and the learner's files by workspace path. */
export const gradeRequestSchema = z
  .object({
    exerciseId: exerciseIdSchema,
    files: z.record(z.string(), z.string()).describe('Workspace path → file content'),
  })
  .strict();
export type GradeRequest = z.infer<typeof gradeRequestSchema>;
