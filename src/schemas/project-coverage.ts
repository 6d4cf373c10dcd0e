import { z } from 'zod';

// Milestone 4 reads what the intern's own test run wrote: Vitest's JSON results and Istanbul's
// coverage-final.json. Both come from inside the sandbox, so they are untrusted data: parsed here,
// never believed as printed (see grader/project/coverage.ts for what the host recomputes).

const position = z
  .object({
    line: z.number().int().min(0).describe('1-based line in the source file'),
    column: z.number().int().nullable().optional().describe('0-based column (may be null at a line end)'),
  })
  .loose();
const range = z.object({ start: position, end: position }).loose();

/** One file of Istanbul's coverage-final.json (what @vitest/coverage-v8's `json` reporter writes). */
export const istanbulFileSchema = z
  .object({
    path: z.string().min(1).describe('Absolute path of the source file'),
    statementMap: z.record(z.string(), range).describe('Statement id → where it is'),
    s: z.record(z.string(), z.number().int().min(0)).describe('Statement id → how many times it ran'),
    branchMap: z
      .record(z.string(), z.object({}).loose())
      .describe('Branch id → its arms (an implicit else has no location, so none is read)'),
    b: z.record(z.string(), z.array(z.number().int().min(0))).describe('Branch id → how many times each arm ran'),
  })
  .loose();
export type IstanbulFile = z.infer<typeof istanbulFileSchema>;

/** coverage-final.json: absolute file path → its coverage. */
export const istanbulReportSchema = z.record(z.string(), istanbulFileSchema);
export type IstanbulReport = z.infer<typeof istanbulReportSchema>;

const assertionSchema = z
  .object({
    fullName: z.string().describe('Describe blocks and test title, space-separated'),
    status: z.string().describe('passed, failed, skipped, pending, todo or disabled'),
    failureMessages: z.array(z.string()).nullish().describe('Why it failed'),
  })
  .loose();

/** Vitest's `json` reporter output (the Jest-compatible shape). */
export const vitestResultsSchema = z
  .object({
    numTotalTests: z.number().int().min(0),
    numFailedTests: z.number().int().min(0),
    testResults: z
      .array(
        z
          .object({
            name: z.string().describe('Absolute path of the test file'),
            status: z.string().describe('passed or failed (a file that could not load fails with no tests)'),
            message: z.string().optional().describe("The file's own error, e.g. an import that failed"),
            assertionResults: z.array(assertionSchema),
          })
          .loose(),
      )
      .describe('One entry per test file'),
  })
  .loose();
export type VitestResults = z.infer<typeof vitestResultsSchema>;

/** What the host saw of the intern's test run; written by the grader for the milestone 4 checks. */
export const coverageRunSchema = z
  .object({
    dir: z.string().min(1).describe("The intern's project folder (absolute)"),
    scratch: z.string().min(1).describe('Host folder the run could write: results.json and coverage/'),
    exitCode: z.number().int().nullable().describe("Vitest's exit code; null when it was killed"),
    timedOut: z.boolean().describe('The run hit the time limit and was killed'),
    limitSeconds: z.number().int().positive().describe('That time limit'),
    output: z.string().describe("The last lines of the run's output (shown, never parsed for a verdict)"),
  })
  .strict();
export type CoverageRun = z.infer<typeof coverageRunSchema>;
