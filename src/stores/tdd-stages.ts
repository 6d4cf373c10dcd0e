// Where a learner stands in a test-first (tdd) exercise, read from saved progress: the page opens
// the stage to work on, and stage 2 (the implementation) only once the spec has passed stage 1.
import type { TddStage } from '../schemas/exercise.ts';
import type { ExerciseProgress } from '../schemas/progress.ts';

export interface TddStanding {
  /** The spec has passed stage 1 at least once: stage 2 is open. */
  specPassed: boolean;
  /** The implementation has passed stage 2: the exercise is done. */
  done: boolean;
  /** The stage to open: the implementation once the spec passed, else the spec. */
  current: TddStage;
}

/** The learner's standing in a tdd exercise; nothing saved yet means stage 1. */
export function tddStanding(progress: ExerciseProgress | undefined): TddStanding {
  const specPassed = progress?.stages?.spec?.status === 'passed';
  const done = progress?.stages?.implementation?.status === 'passed';
  return { specPassed, done, current: specPassed ? 'implementation' : 'spec' };
}
