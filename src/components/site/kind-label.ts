import type { ExerciseManifest } from '../../schemas/exercise.ts';

/** How the catalog, the chapter and the exercise header name an exercise's kind. */
export const KIND_LABELS: Record<ExerciseManifest['kind'], string> = {
  implement: 'implement',
  'write-tests': 'write the tests',
  tdd: 'test first: spec, then code',
};
