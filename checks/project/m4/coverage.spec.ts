// Milestone 4's checks run on the host after the intern's own tests ran in the sandbox
// (grader/project/coverage-run.ts). They read what that run wrote as data and recompute the
// coverage from per-statement counts (grader/project/coverage.ts); rules.md maps each rule.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import {
  COVERAGE_GOAL,
  type CoverageMeasure,
  countedSources,
  type FileMeasure,
  hiddenFromCoverage,
  measureCoverage,
  percent,
  type Ratio,
  readCoverageReport,
  readTestResults,
} from '../../../grader/project/coverage.ts';
import { coverageRunSchema } from '../../../src/schemas/project-coverage.ts';

// The check names (read before the run) spell the goal out; they must say what is measured.
if (COVERAGE_GOAL !== 85) throw new Error('COVERAGE_GOAL changed: update the "85 %" in the check names below.');

const runFile = process.env['PROJECT_M4_RUN'];
if (!runFile) throw new Error('PROJECT_M4_RUN is not set: this suite runs under `workbook project check m4`.');
const run = coverageRunSchema.parse(JSON.parse(readFileSync(runFile, 'utf8')));

const tail = (lines = 25) => {
  const text = run.output.trim().split('\n').slice(-lines).join('\n');
  return text ? `\nThe run's output ends:\n${text}` : '';
};

/** Fails the check with exactly `message` (the learner reads it as the check's reason). */
function fail(message: string): never {
  throw new Error(message);
}

/** The coverage of the counted files, or the check fails saying why it cannot be measured. */
function measured(): CoverageMeasure {
  const { counted } = countedSources(run.dir);
  if (counted.length === 0)
    fail(
      "Your src/ folder has no code to measure (only tests, main.ts, generated or type-only files); the contract says at least 85 % of your code's statements and lines run under your tests.",
    );
  const hidden = hiddenFromCoverage(run.dir, counted);
  if (hidden.length > 0)
    fail(
      `Your project hides code from the coverage report: ${list(hidden, 5)}. Coverage ignore comments and options leave statements out of the count; remove them: the contract says at least ${COVERAGE_GOAL} % of all your code runs under your tests.`,
    );
  const file = join(run.scratch, 'coverage', 'coverage-final.json');
  if (!existsSync(file))
    fail(
      `No coverage report was written (the first check says why the run did not finish); the contract says at least ${COVERAGE_GOAL} % of your code runs under your tests.`,
    );
  let report: ReturnType<typeof readCoverageReport>;
  try {
    report = readCoverageReport(file, run.scratch);
  } catch (error) {
    fail(
      `${(error as Error).message}; the contract says coverage is measured from the report your real test run writes.`,
    );
  }
  const measure = measureCoverage(run.dir, counted, report);
  if (measure.missing.length > 0)
    fail(
      `The coverage report has no entry for ${list(measure.missing)}: every file of src/ counts (at 0 % when nothing runs it); the contract says at least ${COVERAGE_GOAL} % of all of them runs under your tests.`,
    );
  if (measure.mismatched.length > 0)
    fail(
      `The coverage report does not describe your files: ${list(measure.mismatched)}. The contract says coverage is measured from your real tests on your real src/.`,
    );
  return measure;
}

const list = (items: string[], max = 8) =>
  items.length > max ? `${items.slice(0, max).join(', ')} and ${items.length - max} more` : items.join(', ');

const show = (r: Ratio) => `${percent(r)} % (${r.covered} of ${r.total})`;

/** The files that pull a metric down most, for the learner to start with. */
function weakest(files: FileMeasure[], metric: 'statements' | 'lines'): string {
  const missed = files
    .filter((f) => f[metric].covered < f[metric].total)
    .sort((a, b) => b[metric].total - b[metric].covered - (a[metric].total - a[metric].covered))
    .slice(0, 5)
    .map((f) => `${f.path} ${show(f[metric])}`);
  return missed.length ? ` Most uncovered: ${missed.join('; ')}.` : '';
}

describe('your tests and their coverage', () => {
  it('your tests run to the end and every one of them passes', () => {
    if (run.timedOut)
      fail(
        `Your tests did not finish within ${run.limitSeconds} s and were stopped (a server or connection a test never closes keeps Vitest waiting); the contract says they run to the end and pass.${tail()}`,
      );
    let results: ReturnType<typeof readTestResults>;
    try {
      results = readTestResults(join(run.scratch, 'results.json'), run.scratch);
    } catch (error) {
      fail(
        `${(error as Error).message}: Vitest did not finish a run (exit code ${run.exitCode}); the contract says your tests run with \`vitest run\` in your folder and pass.${tail()}`,
      );
    }
    const outside = results.testResults.filter((f) => !f.name.startsWith(`${run.dir}/`)).map((f) => f.name);
    if (outside.length > 0)
      fail(`Vitest reported test files outside your project (${list(outside)}); the contract says your own tests run.`);
    if (results.numTotalTests === 0)
      fail(
        `No test ran (Vitest found no tests in your project); the contract says your tests pass and there is at least one.${tail(10)}`,
      );
    const failed = results.testResults.flatMap((file) => {
      const name = file.name.slice(run.dir.length + 1);
      const tests = file.assertionResults.filter((t) => t.status === 'failed').map((t) => `${name} › ${t.fullName}`);
      return tests.length === 0 && file.status === 'failed'
        ? [`${name} (${(file.message ?? 'the file failed to load').split('\n')[0]})`]
        : tests;
    });
    if (failed.length > 0)
      fail(`${failed.length} of your tests failed: ${list(failed)}; the contract says every test passes.`);
    if (run.exitCode !== 0)
      fail(
        `Vitest exited with code ${run.exitCode} although no test failed (an error outside a test, e.g. an unhandled rejection); the contract says the run passes.${tail()}`,
      );
  });

  it("at least 85 % of your code's statements run under your tests", () => {
    const { totals, files } = measured();
    if (percent(totals.statements) < COVERAGE_GOAL)
      fail(
        `Your tests run ${show(totals.statements)} of your code's statements; the contract says at least ${COVERAGE_GOAL} %.${weakest(files, 'statements')}`,
      );
  });

  it("at least 85 % of your code's lines run under your tests", () => {
    const { totals, files } = measured();
    if (percent(totals.lines) < COVERAGE_GOAL)
      fail(
        `Your tests run ${show(totals.lines)} of your code's lines; the contract says at least ${COVERAGE_GOAL} %.${weakest(files, 'lines')}`,
      );
  });
});
