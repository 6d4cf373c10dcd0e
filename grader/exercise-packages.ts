// The packages an exercise's code imports (its checks, the learner's files and the service modules
// they reach), found once per exercise from the real import graph: a cold runner loads them in its
// warm-up, before the run's clock starts (runner-child.ts), instead of on the learner's time.
import { exerciseGraph } from '../src/catalog/browser-capability.ts';
import type { LoadedExercise } from '../src/catalog/load.ts';

const known = new Map<string, Promise<string[]>>();

/** Bare package names (no node: built-ins, no test runner), or none when the graph cannot be read. */
export function exercisePackages(root: string, exercise: LoadedExercise): Promise<string[]> {
  const key = `${root}\0${exercise.manifest.id}`;
  let packages = known.get(key);
  if (!packages) {
    packages = exerciseGraph(root, exercise, exercise.solution)
      .then((graph) =>
        graph.packages.filter((name) => /^(?:@[\w.-]+\/)?[\w.-]+(?:\/[\w./-]+)?$/.test(name) && name !== 'vitest'),
      )
      .catch(() => []);
    known.set(key, packages);
  }
  return packages;
}
