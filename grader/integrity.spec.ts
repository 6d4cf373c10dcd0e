// The catalog keeps its promises: for every exercise, the reference solution passes every check,
// the starter fails at least one, a second, differently written correct answer passes and a
// plausible wrong one fails (grader/fixtures/alt-solutions, wrong-solutions); for write-tests
// exercises the reference spec kills every mutant (each mutant is one check); tdd exercises keep
// both promises, one per stage (grader/verify.ts). One warm grader
// serves the whole suite, two grades at a time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExercises } from '../src/catalog/load.ts';
import { expectedChecks } from './grade-run.ts';
import { createGrader, type Grader } from './grader.ts';
import { rulesMapProblems } from './rules-map.ts';
import { verifyExercise } from './verify.ts';

const root = join(import.meta.dirname, '..');
// Loading validates every manifest, path and id; a broken catalog fails here, naming file and field.
const exercises = loadExercises(root);

let grader: Grader;
beforeAll(async () => {
  grader = await createGrader({ root, concurrency: 2, warmDatabase: true });
});
afterAll(() => grader?.close());

describe('catalog', () => {
  it('has exercises, each with hidden checks or mutants', () => {
    expect(exercises.length).toBeGreaterThan(0);
    for (const { manifest, checkFiles, mutants } of exercises) {
      const byMutants = Object.keys(mutants).length >= 3;
      const byChecks = checkFiles.length > 0;
      // tdd: stage 1 is graded by mutants, stage 2 by hidden checks.
      const graded =
        manifest.kind === 'write-tests' ? byMutants : manifest.kind === 'tdd' ? byMutants && byChecks : byChecks;
      expect(graded, `${manifest.id}: nothing to grade with`).toBe(true);
    }
  });

  it('checks import learner code by its workspace path, never from solutions/', () => {
    for (const { manifest, checkFiles } of exercises) {
      for (const file of checkFiles) {
        expect(
          readFileSync(file, 'utf8'),
          `${manifest.id}: ${file} must import ../src/…, not the reference answer`,
        ).not.toMatch(/from ['"][^'"]*solutions\//);
      }
    }
  });

  it('every exercise maps each rule of its instructions to the checks that catch it (checks/<id>/rules.md)', () => {
    const problems = exercises.flatMap((exercise) => rulesMapProblems(root, exercise));
    expect(problems).toEqual([]);
  });

  it('check names are announced as the learner will read them (no template placeholders)', () => {
    const templated = exercises.flatMap((exercise) =>
      [...new Set([...expectedChecks(exercise), ...expectedChecks(exercise, 'implementation')])]
        .filter((name) => name.includes('${'))
        .map((name) => `${exercise.manifest.id}: ${name}`),
    );
    expect(templated).toEqual([]);
  });
});

describe.concurrent('every exercise keeps its promises', () => {
  for (const exercise of exercises) {
    it(exercise.manifest.id, { timeout: 240_000 }, async () => {
      const result = await verifyExercise(grader, root, exercise);
      expect(result.problems, result.runs.map((r) => `${r.label}: ${r.report.status}`).join(', ')).toEqual([]);
    });
  }
});
