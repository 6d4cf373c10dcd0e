// The integrity rules every exercise must keep, shared by `workbook verify` and the integrity
// suite: the solution passes, the starter fails, a second correct answer passes, and every
// plausible wrong submission in grader/fixtures/wrong-solutions/<id>/<case>/ fails — at the check
// its fixture.json names, when it names one (write-tests: the reference spec kills every mutant,
// as each mutant is a check; a wrong case there is a weak spec that some mutant survives).
// tdd exercises are verified stage by stage: stage spec as write-tests (the reference spec kills every
// mutant, the starter's empty spec and every wrong spec fail), stage implementation as implement
// (the reference implementation passes, the starter's and every wrong one fail); the alternative
// passes both. A wrong case holding only the spec is a wrong spec, one holding only implementation
// files is a wrong implementation.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import type { LoadedExercise } from '../src/catalog/load.ts';
import type { TddStage } from '../src/schemas/exercise.ts';
import type { CheckReport } from '../src/schemas/report.ts';
import type { Grader } from './grader.ts';

/** The classes of gap a wrong submission proves closed (issue: checks that catch what the instructions rule out). */
export const gapClassSchema = z.enum([
  'unchecked-rule', // a stated rule (side effect that must not happen, cleanup, security property, role, moving clock) with no check
  'one-direction', // a precedence or ordering rule tested one way only
  'boundary', // a value exactly at a threshold, equal timestamps
  'combination', // two failures at once, one of two required parts present
  'concurrency', // atomicity across processes or connections, not a local mutex
  'keys-randomness', // equal values under different names, randomness checked by length only
  'mutant-gap', // write-tests: a rule no mutant broke alone
  'other',
]);

export const wrongFixtureSchema = z
  .object({
    breaks: z.string().min(1).describe('The rule of instructions.md this submission breaks, in one line'),
    class: gapClassSchema,
    caughtBy: z
      .string()
      .min(1)
      .optional()
      .describe('Part of the name of a check that must fail (not pass, not skip) for this submission'),
  })
  .strict();
export type WrongFixture = z.infer<typeof wrongFixtureSchema>;

export interface Variant {
  label: string;
  files: Record<string, string>;
  mustPass: boolean;
  fixture?: WrongFixture;
  /** tdd exercises: the stage this variant is graded in. */
  stage?: TddStage;
}

export interface Verification {
  id: string;
  problems: string[];
  /** Which submissions were graded, and how it went. */
  runs: { label: string; report: CheckReport }[];
}

const FIXTURE_FILE = 'fixture.json';

/** The variants graded for an exercise: label, files, and whether they must pass. */
export function variants(root: string, exercise: LoadedExercise): Variant[] {
  if (exercise.manifest.kind === 'tdd') return tddVariants(root, exercise);
  const { id } = exercise.manifest;
  const out: Variant[] = [
    { label: 'solution', files: exercise.solution, mustPass: true },
    { label: 'starter', files: exercise.starter, mustPass: false },
  ];
  const alt = join(root, 'grader', 'fixtures', 'alt-solutions', id);
  if (existsSync(alt))
    out.push({ label: 'alternative solution', files: overlaySolution(exercise, alt), mustPass: true });
  for (const { name, dir } of wrongCases(root, id)) {
    out.push({
      label: `wrong solution "${name}"`,
      files: overlaySolution(exercise, dir),
      mustPass: false,
      fixture: readFixture(root, dir),
    });
  }
  return out;
}

const isSpecPath = (path: string) => /\.(?:spec|test)\.ts$/.test(path);

/** tdd: each stage's variants; starter and wrong answers differ from the solution in that stage's files only. */
function tddVariants(root: string, exercise: LoadedExercise): Variant[] {
  const { id } = exercise.manifest;
  const spec = Object.keys(exercise.solution).find(isSpecPath) ?? '';
  const withSpec = (files: Record<string, string>, from: Record<string, string>) => ({
    ...files,
    [spec]: from[spec] ?? '',
  });
  const out: Variant[] = [
    { label: 'solution (stage spec)', files: exercise.solution, mustPass: true, stage: 'spec' },
    // The starter's empty spec: stage 1 must not pass before the learner writes a test.
    { label: 'starter spec', files: withSpec(exercise.solution, exercise.starter), mustPass: false, stage: 'spec' },
    { label: 'solution (stage implementation)', files: exercise.solution, mustPass: true, stage: 'implementation' },
    // The starter's throwing implementation under the reference spec: stage 2 fails on the code, not on a missing spec.
    {
      label: 'starter implementation',
      files: withSpec(exercise.starter, exercise.solution),
      mustPass: false,
      stage: 'implementation',
    },
  ];
  const alt = join(root, 'grader', 'fixtures', 'alt-solutions', id);
  if (existsSync(alt)) {
    const files = overlaySolution(exercise, alt);
    out.push(
      { label: 'alternative solution (stage spec)', files, mustPass: true, stage: 'spec' },
      { label: 'alternative solution (stage implementation)', files, mustPass: true, stage: 'implementation' },
    );
  }
  for (const { name, dir } of wrongCases(root, id)) {
    const held = filesUnder(dir).filter((path) => path !== FIXTURE_FILE);
    const specs = held.filter(isSpecPath);
    if (held.length === 0 || (specs.length > 0 && specs.length < held.length))
      throw new Error(
        `${relative(root, dir)}: a wrong answer to a tdd exercise holds either the spec alone (a wrong spec) or implementation files alone (a wrong implementation); it holds ${held.join(', ') || 'nothing'}`,
      );
    const stage: TddStage = specs.length > 0 ? 'spec' : 'implementation';
    out.push({
      label: `wrong ${stage === 'spec' ? 'spec' : 'implementation'} "${name}"`,
      files: overlaySolution(exercise, dir),
      mustPass: false,
      fixture: readFixture(root, dir),
      stage,
    });
  }
  return out;
}

function wrongCases(root: string, id: string): { name: string; dir: string }[] {
  const wrong = join(root, 'grader', 'fixtures', 'wrong-solutions', id);
  if (!existsSync(wrong)) return [];
  return readdirSync(wrong)
    .sort()
    .map((name) => ({ name, dir: join(wrong, name) }))
    .filter(({ dir }) => statSync(dir).isDirectory());
}

/** The solution with every file the fixture folder holds at the same path replaced; unknown files are an error. */
function overlaySolution(exercise: LoadedExercise, dir: string): Record<string, string> {
  const files = { ...exercise.solution };
  for (const path of filesUnder(dir)) {
    if (path === FIXTURE_FILE) continue;
    if (!(path in exercise.solution)) {
      throw new Error(
        `${dir}: "${path}" is not an editable file of exercise "${exercise.manifest.id}" (editable: ${Object.keys(exercise.solution).join(', ')})`,
      );
    }
    files[path] = readFileSync(join(dir, path), 'utf8');
  }
  return files;
}

function readFixture(root: string, dir: string): WrongFixture {
  const file = join(dir, FIXTURE_FILE);
  const where = relative(root, file);
  if (!existsSync(file))
    throw new Error(`${where}: missing; say which rule the submission breaks: {"breaks": "…", "class": "…"}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${where}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = wrongFixtureSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `${where}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const abs = join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.isFile()) out.push(relative(dir, abs).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

export async function verifyExercise(grader: Grader, root: string, exercise: LoadedExercise): Promise<Verification> {
  const { id } = exercise.manifest;
  const runs = await Promise.all(
    variants(root, exercise).map(async (variant) => ({
      variant,
      report: await grader.grade({
        exerciseId: id,
        files: variant.files,
        ...(variant.stage ? { stage: variant.stage } : {}),
      }),
    })),
  );
  const problems: string[] = [];
  for (const { variant, report } of runs) {
    if (variant.stage && report.stage !== variant.stage)
      problems.push(
        `${id}: the ${variant.label} was graded in stage ${report.stage ?? '(none)'}, not ${variant.stage}`,
      );
    if (variant.mustPass && report.status !== 'passed')
      problems.push(`${id}: the ${variant.label} must pass but is ${report.status}: ${summarise(report)}`);
    if (!variant.mustPass && report.status === 'passed') {
      problems.push(
        `${id}: the ${variant.label} passes every check; the checks must reject it${variant.fixture ? ` (it breaks: ${variant.fixture.breaks})` : ''}`,
      );
    }
    const caughtBy = variant.fixture?.caughtBy;
    if (caughtBy && report.status !== 'passed') {
      const named = report.checks.filter((c) => c.name.includes(caughtBy));
      if (named.length === 0)
        problems.push(`${id}: the ${variant.label} names caughtBy "${caughtBy}", but no check has that in its name`);
      else if (!named.some((c) => c.status === 'failed' || c.status === 'error' || c.status === 'timeout')) {
        problems.push(
          `${id}: the ${variant.label} must fail "${caughtBy}", but it is ${named.map((c) => c.status).join('/')} (${summarise(report)})`,
        );
      }
    }
  }
  return { id, problems, runs: runs.map(({ variant, report }) => ({ label: variant.label, report })) };
}

/** The first failing checks, one line each (for a problem message). */
export function summarise(report: CheckReport): string {
  const failing = report.checks.filter((c) => c.status !== 'passed').slice(0, 3);
  const lines = failing.map((c) => `"${c.name}" ${c.status}${c.message ? `: ${c.message.split('\n')[0]}` : ''}`);
  return [report.message?.split('\n')[0], ...lines].filter(Boolean).join('; ');
}
