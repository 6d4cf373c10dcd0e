// The integrity rules every exercise must keep, shared by `workbook verify` and the integrity
// suite: the solution passes, the starter fails, a second correct answer passes, a plausible
// wrong one fails (write-tests: the reference spec kills every mutant, as each mutant is a check).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedExercise } from '../src/catalog/load.ts';
import type { CheckReport } from '../src/schemas/report.ts';
import type { Grader } from './grader.ts';

export interface Verification {
  id: string;
  problems: string[];
  /** Which submissions were graded, and how it went. */
  runs: { label: string; report: CheckReport }[];
}

/** The variants graded for an exercise: label, files, and whether they must pass. */
export function variants(root: string, exercise: LoadedExercise): { label: string; files: Record<string, string>; mustPass: boolean }[] {
  const { id } = exercise.manifest;
  const out = [
    { label: 'solution', files: exercise.solution, mustPass: true },
    { label: 'starter', files: exercise.starter, mustPass: false },
  ];
  for (const [label, folder, mustPass] of [['alternative solution', 'alt-solutions', true], ['wrong solution', 'wrong-solutions', false]] as const) {
    const dir = join(root, 'grader', 'fixtures', folder, id);
    if (!existsSync(dir)) continue;
    const files = { ...exercise.solution };
    for (const path of Object.keys(exercise.solution)) {
      if (existsSync(join(dir, path))) files[path] = readFileSync(join(dir, path), 'utf8');
    }
    out.push({ label, files, mustPass });
  }
  return out;
}

export async function verifyExercise(grader: Grader, root: string, exercise: LoadedExercise): Promise<Verification> {
  const { id } = exercise.manifest;
  const runs = await Promise.all(
    variants(root, exercise).map(async (variant) => ({ variant, report: await grader.grade({ exerciseId: id, files: variant.files }) })),
  );
  const problems: string[] = [];
  for (const { variant, report } of runs) {
    if (variant.mustPass && report.status !== 'passed') problems.push(`${id}: the ${variant.label} must pass but is ${report.status}: ${summarise(report)}`);
    if (!variant.mustPass && report.status === 'passed') problems.push(`${id}: the ${variant.label} passes every check; the checks must reject it`);
  }
  return { id, problems, runs: runs.map(({ variant, report }) => ({ label: variant.label, report })) };
}

/** The first failing checks, one line each (for a problem message). */
export function summarise(report: CheckReport): string {
  const failing = report.checks.filter((c) => c.status !== 'passed').slice(0, 3);
  const lines = failing.map((c) => `"${c.name}" ${c.status}${c.message ? `: ${c.message.split('\n')[0]}` : ''}`);
  return [report.message?.split('\n')[0], ...lines].filter(Boolean).join('; ');
}
