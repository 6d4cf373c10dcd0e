import { z } from 'zod';
import { exerciseIdSchema, tddStageSchema } from './exercise.ts';

export const REPORT_VERSION = 1 as const;

export const checkStatusSchema = z.enum(['passed', 'failed', 'error', 'timeout', 'skipped']);
export type CheckStatus = z.infer<typeof checkStatusSchema>;

/** The outcome of one hidden check, phrased for the learner. */
export const checkResultSchema = z
  .object({
    name: z.string().describe('Human name, e.g. "complete() throws when the task is already completed"'),
    status: checkStatusSchema,
    message: z.string().optional().describe("Learner-facing explanation; never the grader's own stack frames"),
    expected: z.string().optional().describe('Expected value, serialised for display'),
    received: z.string().optional().describe('Received value, serialised for display'),
    durationMs: z.number().nonnegative(),
  })
  .strict();
export type CheckResult = z.infer<typeof checkResultSchema>;

export const reportStatusSchema = z.enum(['passed', 'failed', 'error', 'timeout']);
export type ReportStatus = z.infer<typeof reportStatusSchema>;

export const engineNameSchema = z.enum(['local', 'browser', 'webcontainer', 'cli']);
export type EngineName = z.infer<typeof engineNameSchema>;

/**
 * What fenced the learner's code in while it ran.
 * - bubblewrap: an OS sandbox (own user, PID and network namespaces, read-only repository, limits)
 *   with Node's permission model inside it;
 * - permissions: Node's permission model only (macOS, Windows, Linux without user namespaces);
 * - web-worker: the browser engine (a dedicated Web Worker: no DOM, no page storage, no network);
 * - none: nothing (reports from before isolation existed parse as this).
 */
export const isolationSchema = z.enum(['bubblewrap', 'permissions', 'web-worker', 'none']);
export type Isolation = z.infer<typeof isolationSchema>;

/** Why a grade is run: an intern checking their own work, or a mentor re-grading someone else's (always a fresh sandbox). */
export const gradePurposeSchema = z.enum(['check', 'regrade']);
export type GradePurpose = z.infer<typeof gradePurposeSchema>;

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
    isolation: isolationSchema
      .default('none')
      .describe('What fenced the code in while it ran; a mentor verifies only isolated runs'),
    isolationDetail: z
      .string()
      .optional()
      .describe(
        "Exactly what ran and how it was fenced, when that differs from what `isolation` usually means (capstone milestones: the intern's service under bubblewrap without Node's permission model, the suite on the host)",
      ),
    attempts: z
      .array(z.string())
      .optional()
      .describe(
        'What the code tried that the sandbox refused or the grader caught, one line each (e.g. "read outside the workspace: /etc/passwd"); a report with attempts is never verified',
      ),
    stage: tddStageSchema
      .optional()
      .describe('tdd exercises only: the stage this report grades (spec first, then implementation)'),
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
/** The largest grade request body the grader accepts (server/grade-api.ts); a report's code per exercise must fit in it to be re-graded. */
export const MAX_GRADE_REQUEST_BYTES = 256 * 1024;

export const gradeRequestSchema = z
  .object({
    exerciseId: exerciseIdSchema,
    files: z.record(z.string(), z.string()).describe('Workspace path → file content'),
    purpose: gradePurposeSchema.optional().describe('regrade: untrusted code, graded in a fresh sandbox or refused'),
    stage: tddStageSchema
      .optional()
      .describe('tdd exercises: the stage to grade (default spec); other kinds refuse it'),
    nonce: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,128}$/)
      .optional()
      .describe(
        'grade --ndjson: a per-run secret the grader puts on every event line; the reader accepts only lines that carry it (learner code may write to the same output)',
      ),
  })
  .strict();
export type GradeRequest = z.infer<typeof gradeRequestSchema>;
