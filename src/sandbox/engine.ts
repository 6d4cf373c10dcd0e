// The one interface every grading engine implements. The page only knows this file; engines only
// move files in and GradeEvents out. No DOM and nothing from grader/ (that runs in Node).
import type { CheckReport, EngineName, GradeEvent, GradeRequest } from '../schemas/report.ts';

export interface EngineGradeOptions {
  /** Aborting cancels the run: the request is dropped and the engine stops the grader. */
  signal?: AbortSignal;
  /** Called for every event as it arrives (queued, started, each check, the final report). */
  onEvent?: (event: GradeEvent) => void;
}

/** A way to run an exercise's hidden checks. */
export interface Engine {
  readonly name: Exclude<EngineName, 'cli'>;
  /** Human label shown to the learner, e.g. "Local grader (npm start)". */
  readonly label: string;
  /** Grades the learner's files; resolves with the final report or rejects with an EngineError. */
  grade(request: GradeRequest, options?: EngineGradeOptions): Promise<CheckReport>;
  /**
   * Optional: gets ready to grade `request` soon (the page calls it when the editor is idle), so the
   * first click does not pay for start-up. Never reports anything; failures are left to grade().
   */
  prepare?(request: GradeRequest): void;
}

export type EngineErrorCode =
  | 'unavailable'
  | 'forbidden'
  | 'too-large'
  | 'not-found'
  | 'bad-request'
  | 'protocol'
  | 'aborted'
  | 'failed';

/** A failure of the engine itself (not of the learner's code): the message says what to do. */
export class EngineError extends Error {
  override name = 'EngineError';
  readonly code: EngineErrorCode;
  constructor(code: EngineErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** What the page shows when no engine can run checks; editing, hints and solutions keep working. */
export const NO_ENGINE_MESSAGE =
  'Checks cannot run here: no local grader answered and the in-browser runtime is unavailable. ' +
  'Clone the workbook and run `npm install` then `npm start`, and open the page it serves; ' +
  'editing, hints and solutions keep working meanwhile.';

/** Throws an EngineError('aborted') when the signal is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new EngineError('aborted', 'The run was cancelled.', { cause: signal.reason });
}
