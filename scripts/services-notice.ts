// `npm start` runs without Redis (databases are PGlite, built in); when Redis is not answering it
// says, once, which exercises will need it and how to start it, instead of leaving the learner to
// find out at the first failing run.
import { notRunning, serviceFix } from '../src/sandbox/missing-services.ts';
import type { ExerciseManifest } from '../src/schemas/exercise.ts';

/** The notice for a missing Redis, or undefined when Redis answers or no exercise needs it. */
export function servicesNotice(
  exercises: readonly Pick<ExerciseManifest, 'id' | 'needs'>[],
  redisProblem: string | undefined,
): string | undefined {
  if (!redisProblem) return undefined;
  const needing = exercises.filter((e) => e.needs.includes('redis')).map((e) => e.id);
  if (needing.length === 0) return undefined;
  const shown =
    needing.length > 6 ? `${needing.slice(0, 6).join(', ')} and ${needing.length - 6} more` : needing.join(', ');
  return `start: ${notRunning('redis')}, so the ${needing.length} exercise(s) that need it cannot be checked yet (${shown}); every other exercise works. ${serviceFix('redis', redisProblem)}`;
}
