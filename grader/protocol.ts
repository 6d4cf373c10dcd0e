// Messages between the grader (parent) and a warm runner child (grader/runner-child.ts), over IPC.
// Everything here is plain JSON: the child turns Vitest objects into these before sending.
// The child runs learner code, so what it sends is untrusted input: the host parses every message
// with childMessageSchema (parseChildMessage) before acting on it. The host's own messages
// (parentMessageSchema) are typed from the same place but not re-checked by the child.
import { z } from 'zod';

/** A type error in one of the learner's files (runtime/typecheck-worker.ts). */
export const typeDiagnosticSchema = z.object({
  /** Relative to the workspace. */
  file: z.string(),
  line: z.number(),
  column: z.number(),
  code: z.number(),
  message: z.string(),
});
export type TypeDiagnostic = z.infer<typeof typeDiagnosticSchema>;

/** One error as Vitest reported it, already reduced to what the report builder needs. */
export const rawErrorSchema = z.object({
  name: z.string().optional(),
  message: z.string(),
  expected: z.string().optional(),
  actual: z.string().optional(),
  /** Stack frames with absolute file paths; the report keeps only the learner's files. */
  frames: z.array(z.object({ file: z.string(), line: z.number(), column: z.number(), method: z.string() })),
});
export type RawError = z.infer<typeof rawErrorSchema>;

export const rawTestSchema = z.object({
  /** Absolute path of the spec file the test lives in. */
  file: z.string(),
  name: z.string(),
  state: z.enum(['passed', 'failed', 'skipped', 'pending']),
  durationMs: z.number(),
  errors: z.array(rawErrorSchema),
});
export type RawTest = z.infer<typeof rawTestSchema>;

export const rawModuleSchema = z.object({
  file: z.string(),
  tests: z.array(rawTestSchema),
  /** Errors outside any test: import failures, syntax errors, hooks, output floods. */
  errors: z.array(rawErrorSchema),
});
export type RawModule = z.infer<typeof rawModuleSchema>;

/** What the worker's integrity runtime saw during one run (runtime/integrity.ts), authenticated. */
export const witnessSummarySchema = z.object({
  /** Witnessed `it`s handed out: one per check file, more means learner code took one. */
  claims: z.number(),
  /** Each witnessed check's own outcome, by name, in the order they ended. */
  reports: z.array(z.object({ name: z.string(), passed: z.boolean() })),
  /** Writes to locked built-ins or assertion internals, and forged messages to the worker. */
  attempts: z.array(z.string()),
  /** process.getActiveResourcesInfo() when the run ended. */
  resources: z.array(z.string()),
  /** Of those, what the worker did not hold after its first run (timers, sockets left running). */
  leftover: z.array(z.string()),
});
export type WitnessSummary = z.infer<typeof witnessSummarySchema>;

export const runTimingsSchema = z.object({
  dbResetMs: z.number(),
  vitestMs: z.number(),
  typecheckMs: z.number(),
});
export type RunTimings = z.infer<typeof runTimingsSchema>;

export const runRequestSchema = z.object({
  type: z.literal('run'),
  runId: z.number(),
  /** Absolute paths of the spec files to run. */
  specs: z.array(z.string()),
  /** Absolute paths written or restored since the previous run; their cached transforms are dropped. */
  invalidate: z.array(z.string()),
  /** Environment for the test workers of this run (Redis prefix, database URL…). */
  env: z.record(z.string(), z.string()),
  /** Absolute paths of the learner's files, type-checked while the checks run. */
  typecheck: z.array(z.string()),
  /** Reset the warm PGlite before the run (and start it on first use). */
  db: z.boolean(),
  /** Per-test timeout inside Vitest; the parent enforces the whole-run limit. */
  testTimeoutMs: z.number(),
  /** Absolute paths of learner files that may not import the test runner or the grader. */
  guard: z.array(z.string()),
  /** The specs are witnessed hidden checks: collect the worker's authenticated summary. */
  witness: z.boolean(),
  /** The spec is the learner's (write-tests): run it where the workspace's sources cannot be read. */
  sealed: z.boolean(),
  /** Packages the run's code imports: loaded into the kept worker before the clock starts, if not yet. */
  warmUp: z.array(z.string()),
});
export type RunRequest = z.infer<typeof runRequestSchema>;

export const parentMessageSchema = z.discriminatedUnion('type', [
  runRequestSchema,
  z.object({ type: z.literal('close') }),
]);
export type ParentMessage = z.infer<typeof parentMessageSchema>;

const runId = z.number();

export const childMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), startupMs: z.number() }),
  z.object({
    type: z.literal('running'),
    runId,
    /**
     * The run pays for a cold start (a new kept worker loading packages, or this process's first
     * transforms of the service): the grader's cost, so the learner's clock allows for it.
     */
    cold: z.boolean(),
  }),
  z.object({ type: z.literal('case-start'), runId, file: z.string(), name: z.string() }),
  z.object({ type: z.literal('case'), runId, test: rawTestSchema }),
  z.object({ type: z.literal('tested'), runId }),
  z.object({
    type: z.literal('done'),
    runId,
    modules: z.array(rawModuleSchema),
    unhandled: z.array(rawErrorSchema),
    typeErrors: z.array(typeDiagnosticSchema),
    timings: runTimingsSchema,
    witness: witnessSummarySchema.nullable().optional(),
  }),
  z.object({ type: z.literal('failed'), runId, message: z.string() }),
]);
export type ChildMessage = z.infer<typeof childMessageSchema>;

/**
 * A message from a runner child, checked: either the message or an error naming the first field
 * that is wrong (e.g. `a "done" message: modules.0.tests.1.state: …`).
 */
export function parseChildMessage(
  message: unknown,
): { ok: true; message: ChildMessage } | { ok: false; error: string } {
  const parsed = childMessageSchema.safeParse(message);
  if (parsed.success) return { ok: true, message: parsed.data };
  const type = (message as { type?: unknown } | null)?.type;
  const what = typeof type === 'string' ? `a ${JSON.stringify(type.slice(0, 40))} message` : 'a message';
  const issue = parsed.error.issues[0];
  const detail = issue?.message ?? 'invalid';
  if (!issue || issue.path.length === 0)
    return { ok: false, error: `the grading process sent ${what} that is not one of the protocol: ${detail}` };
  return {
    ok: false,
    error: `the grading process sent ${what} with a wrong field: ${issue.path.join('.')}: ${detail}`,
  };
}
