// Messages between the grader (parent) and a warm runner child (grader/runner-child.ts), over IPC.
// Everything here is plain JSON: the child turns Vitest objects into these before sending.
import type { TypeDiagnostic } from './runtime/typecheck-worker.ts';

export type { TypeDiagnostic };

/** One error as Vitest reported it, already reduced to what the report builder needs. */
export interface RawError {
  name?: string | undefined;
  message: string;
  expected?: string | undefined;
  actual?: string | undefined;
  /** Stack frames with absolute file paths; the report keeps only the learner's files. */
  frames: { file: string; line: number; column: number; method: string }[];
}

export interface RawTest {
  /** Absolute path of the spec file the test lives in. */
  file: string;
  name: string;
  state: 'passed' | 'failed' | 'skipped' | 'pending';
  durationMs: number;
  errors: RawError[];
}

export interface RawModule {
  file: string;
  tests: RawTest[];
  /** Errors outside any test: import failures, syntax errors, hooks, output floods. */
  errors: RawError[];
}

/** What the worker's integrity runtime saw during one run (runtime/integrity.ts), authenticated. */
export interface WitnessSummary {
  /** Witnessed `it`s handed out: one per check file, more means learner code took one. */
  claims: number;
  /** Each witnessed check's own outcome, by name, in the order they ended. */
  reports: { name: string; passed: boolean }[];
  /** Writes to locked built-ins or assertion internals, and forged messages to the worker. */
  attempts: string[];
  /** process.getActiveResourcesInfo() when the run ended. */
  resources: string[];
  /** Of those, what the worker did not hold after its first run (timers, sockets left running). */
  leftover: string[];
}

export interface RunTimings {
  dbResetMs: number;
  vitestMs: number;
  typecheckMs: number;
}

export interface RunRequest {
  type: 'run';
  runId: number;
  /** Absolute paths of the spec files to run. */
  specs: string[];
  /** Absolute paths written or restored since the previous run; their cached transforms are dropped. */
  invalidate: string[];
  /** Environment for the test workers of this run (Redis prefix, database URL…). */
  env: Record<string, string>;
  /** Absolute paths of the learner's files, type-checked while the checks run. */
  typecheck: string[];
  /** Reset the warm PGlite before the run (and start it on first use). */
  db: boolean;
  /** Per-test timeout inside Vitest; the parent enforces the whole-run limit. */
  testTimeoutMs: number;
  /** Absolute paths of learner files that may not import the test runner or the grader. */
  guard: string[];
  /** The specs are witnessed hidden checks: collect the worker's authenticated summary. */
  witness: boolean;
  /** The spec is the learner's (write-tests): run it where the workspace's sources cannot be read. */
  sealed: boolean;
  /** Packages the run's code imports: loaded into the kept worker before the clock starts, if not yet. */
  warmUp: string[];
}

export type ParentMessage = RunRequest | { type: 'close' };

export type ChildMessage =
  | { type: 'ready'; startupMs: number }
  | {
      type: 'running';
      runId: number;
      /**
       * The run pays for a cold start (a new kept worker loading packages, or this process's first
       * transforms of the service): the grader's cost, so the learner's clock allows for it.
       */
      cold: boolean;
    }
  | { type: 'case-start'; runId: number; file: string; name: string }
  | { type: 'case'; runId: number; test: RawTest }
  | { type: 'tested'; runId: number }
  | {
      type: 'done';
      runId: number;
      modules: RawModule[];
      unhandled: RawError[];
      typeErrors: TypeDiagnostic[];
      timings: RunTimings;
      witness?: WitnessSummary | null;
    }
  | { type: 'failed'; runId: number; message: string };
