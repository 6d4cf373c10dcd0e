// Messages between the page (browser-engine.ts) and the grading worker (browser-worker.ts).

/** Page → worker: everything one run needs; the worker is discarded afterwards. */
export interface WorkerRunMessage {
  type: 'run';
  /** Workspace path → ES module source (checks, service modules and the learner's compiled files). */
  modules: Record<string, string>;
  /** Check files to run, in order. */
  entries: string[];
  /** Package name → absolute URL of its shared bundle (vitest, zod). */
  packages: Record<string, string>;
  /** Per-check limit handed to Vitest; the page enforces the run's wall-clock limit itself. */
  testTimeoutMs: number;
  /** Console output allowed before the run is stopped (characters). */
  outputCap: number;
}

/** An error as Vitest reported it, trimmed to what the learner sees. */
export interface WorkerError {
  name?: string;
  message: string;
  expected?: string;
  actual?: string;
}

export interface WorkerCheck {
  name: string;
  state: 'passed' | 'failed' | 'skipped';
  errors: WorkerError[];
  durationMs: number;
}

/** Worker → page. */
export type WorkerMessage =
  | { type: 'running'; check: string }
  | { type: 'check'; check: WorkerCheck }
  | { type: 'done'; checks: WorkerCheck[]; errors: WorkerError[] }
  | { type: 'flood'; characters: number };
