// write-tests exercises in the browser, graded as the local grader grades them (grader/grade-run.ts):
// the learner's spec must pass against the reference implementation, then fail against every
// mutant; one check per mutant. Each run is its own fresh worker.
import type { BrowserBundle } from '../schemas/browser-bundle.ts';
import type { CheckResult } from '../schemas/report.ts';
import type { RunOutcome } from './browser-run.ts';
import { checkFromWorker, compileVerdict, type Diagnostic, type Verdict } from './browser-verdict.ts';

export const REFERENCE_CHECK = 'your tests pass against the reference implementation';
export const mutantCheckName = (description: string) => `kills the mutant: ${description}`;

type Run = (modules: Record<string, string>, stream: boolean) => Promise<RunOutcome>;

/** The reference run judged like any run of the learner's own spec (no declared names to hold it to). */
function referenceVerdict(outcome: RunOutcome): Verdict & { tests: number } {
  if (outcome.kind === 'timeout')
    return {
      status: 'timeout',
      checks: [],
      tests: 0,
      message:
        'Your tests did not finish within the time limit. Look for an infinite loop or a promise that never settles.',
    };
  if (outcome.kind === 'flood')
    return {
      status: 'error',
      checks: [],
      tests: 0,
      message: 'Your tests wrote more console output than a run allows.',
    };
  const checks = outcome.checks.map(checkFromWorker);
  if (outcome.errors.length > 0)
    return {
      status: 'error',
      checks,
      tests: checks.length,
      message: outcome.errors
        .map((e) => `${e.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e.message}`)
        .join('\n\n'),
    };
  if (checks.length === 0) return { status: 'error', checks, tests: 0 };
  return { status: checks.every((c) => c.status === 'passed') ? 'passed' : 'failed', checks, tests: checks.length };
}

export async function gradeWriteTests(
  bundle: BrowserBundle,
  learner: Record<string, string>,
  diagnostics: readonly Diagnostic[],
  run: Run,
  emit: (check: CheckResult) => void,
): Promise<Verdict> {
  const checks: CheckResult[] = [];
  const add = (check: CheckResult) => {
    checks.push(check);
    emit(check);
  };
  const started = performance.now();
  const reference =
    diagnostics.length > 0
      ? { ...compileVerdict(diagnostics, []), tests: 0 }
      : referenceVerdict(await run({ ...bundle.modules, ...learner }, false));
  const referenceMs = Math.round(performance.now() - started);
  if (reference.status !== 'passed' || reference.tests === 0) {
    const failing = reference.checks.filter((c) => c.status !== 'passed');
    const detail = reference.message ?? failing.map((c) => `"${c.name}": ${c.message ?? c.status}`).join('\n');
    const message =
      reference.tests === 0 && !reference.message
        ? 'Your spec has no tests yet. Add it() blocks that describe the behaviour.'
        : `Your tests must pass against the correct implementation first. Failing:\n${detail}`;
    add({
      name: REFERENCE_CHECK,
      status: reference.status === 'timeout' ? 'timeout' : 'failed',
      message,
      durationMs: referenceMs,
    });
    for (const mutant of bundle.mutants)
      add({
        name: mutantCheckName(mutant.description),
        status: 'skipped',
        message: 'Not run: your tests must pass against the correct implementation first.',
        durationMs: 0,
      });
    return {
      status: reference.status === 'error' || reference.status === 'timeout' ? reference.status : 'failed',
      checks,
      message,
    };
  }
  add({ name: REFERENCE_CHECK, status: 'passed', durationMs: referenceMs });
  for (const mutant of bundle.mutants) {
    // The mutant replaces the reference file, and the learner's own copy of it where they edit one.
    const outcome = await run({ ...bundle.modules, ...learner, ...mutant.modules }, false);
    const survived =
      outcome.kind === 'done' &&
      outcome.errors.length === 0 &&
      outcome.checks.length > 0 &&
      outcome.checks.every((c) => c.state !== 'failed');
    add(
      survived
        ? {
            name: mutantCheckName(mutant.description),
            status: 'failed',
            message: `All your tests passed against a wrong implementation: ${mutant.description}. Add a test that fails for it.`,
            durationMs: outcome.durationMs,
          }
        : { name: mutantCheckName(mutant.description), status: 'passed', durationMs: outcome.durationMs },
    );
  }
  return { status: checks.every((c) => c.status === 'passed') ? 'passed' : 'failed', checks };
}
