// Re-grade goes through the same engine the exercise pages use (local grader, else WebContainer).
import type { GradeFn } from '../regrade.ts';
import { NO_ENGINE_MESSAGE } from '../../sandbox/index.ts';
import { chooseEngine } from '../../components/exercise/engine-client.ts';

/** Grades one submission with the tab's engine; rejects with what to do when there is none. */
export const gradeWithPageEngine: GradeFn = async (request, signal) => {
  const { engine, reason } = await chooseEngine();
  if (!engine) throw new Error(`${reason} ${NO_ENGINE_MESSAGE}`);
  return engine.grade(request, { signal });
};
