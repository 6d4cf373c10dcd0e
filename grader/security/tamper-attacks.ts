// Shared by the security suites: hostile submissions for the engine fixture's `sum` exercise
// (grader/fixtures/engine-root), each a wrong answer (a - b) plus one way to forge a pass.
import { join } from 'node:path';
import { loadExercise } from '../../src/catalog/load.ts';
import type { CheckReport } from '../../src/schemas/report.ts';
import type { Grader } from '../grader.ts';

export const root = join(import.meta.dirname, '..', 'fixtures', 'engine-root');
export const solution = loadExercise(root, 'sum').solution['src/sum.ts'] ?? '';
/** The honest wrong answer: both checks of `sum` fail. */
export const wrong = 'export function sum(a: number, b: number): number {\n  return a - b;\n}\n';

/** A learner file: `prelude` runs when the module loads, then the wrong sum is exported. */
export const hostile = (prelude: string) => `// @ts-nocheck\n${prelude}\n${wrong}`;

export const sum = (code: string) => ({ exerciseId: 'sum', files: { 'src/sum.ts': code } });

/** After any attack, the same grader still grades honest code right: wrong fails, right passes. */
export async function expectHonestAfter(grader: Grader): Promise<[CheckReport, CheckReport]> {
  const failing = await grader.grade(sum(wrong));
  const passing = await grader.grade(sum(solution));
  return [failing, passing];
}
