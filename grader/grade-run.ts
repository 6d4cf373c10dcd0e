// Grades one submission on one slot (a workspace and its warm runner): overlays the files, runs
// the hidden checks (implement) or the learner's spec against the reference and every mutant
// (write-tests), or one stage of a test-first exercise (tdd: the spec like write-tests, then the
// implementation against the learner's own spec and the hidden checks), and turns the outcome into a verdict.
import type { TddStage } from '../src/schemas/exercise.ts';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedExercise } from '../src/catalog/load.ts';
import type { CheckResult } from '../src/schemas/report.ts';
import type { MessageContext } from './messages.ts';
import type { RawTest, TypeDiagnostic } from './protocol.ts';
import { deleteKeys, redisProblem } from './redis.ts';
import { createRunUser, deleteRunUser, type RunUser } from './sandbox/redis-acl.ts';
import { exercisePackages } from './exercise-packages.ts';
import { refusedImportsMessage, scanLearnerFile } from './import-guard.ts';
import { referenceVariant } from './reference-variant.ts';
import { checkFromTest, declaredTestNames, verdictFromOutcome, type Verdict } from './report.ts';
import type { RunnerHost, RunOutcome } from './runner-host.ts';
import { CHECKS_DIR, type Workspace } from './workspace.ts';

export interface Slot {
  workspace: Workspace;
  host: RunnerHost;
  /**
   * Type-checks the learner's files (workspace path → content) outside the runner. Fresh runners
   * use a warm checker the grader keeps for them: TypeScript only reads code, never runs it, and a
   * cold program over Nest's types costs seconds per fresh runner.
   */
  typecheck?: (files: Map<string, string>) => Promise<TypeDiagnostic[]>;
}

export interface RunContext {
  root: string;
  /** The learner's files may not import the test runner or the grader (implement exercises). */
  guard?: boolean;
  redisUrl: string;
  signal?: AbortSignal | undefined;
  onCheck: (check: CheckResult) => void;
  /** tdd exercises: the stage to grade (default spec). */
  stage?: TddStage | undefined;
}

const FIXTURES = join(import.meta.dirname, 'runtime', 'fixtures.ts');

/** The check names a run will report, in order (announced before the run starts). */
export function expectedChecks(exercise: LoadedExercise, stage: TddStage = 'spec'): string[] {
  if (exercise.manifest.kind === 'tdd' && stage === 'implementation')
    return [OWN_SPEC_CHECK, ...hiddenCheckNames(exercise)];
  if (exercise.manifest.kind !== 'implement') {
    return [REFERENCE_CHECK, ...Object.values(exercise.mutants).map((m) => mutantCheckName(m.description))];
  }
  return hiddenCheckNames(exercise);
}

const hiddenCheckNames = (exercise: LoadedExercise) =>
  exercise.checkFiles.flatMap((file) => declaredTestNames(readFileSync(file, 'utf8')));

const REFERENCE_CHECK = 'your tests pass against the reference implementation';
const OWN_SPEC_CHECK = 'your implementation passes your own spec';
const mutantCheckName = (description: string) => `kills the mutant: ${description}`;

export async function gradeOnSlot(
  slot: Slot,
  exercise: LoadedExercise,
  files: Record<string, string>,
  ctx: RunContext,
): Promise<Verdict> {
  const { manifest } = exercise;
  const env: Record<string, string> = {};
  let prefix: string | undefined;
  let user: RunUser | undefined;
  if (manifest.needs.includes('redis')) {
    const problem = await redisProblem(ctx.redisUrl);
    if (problem)
      return {
        status: 'error',
        checks: expectedChecks(exercise, ctx.stage).map((name) => ({ name, status: 'skipped', durationMs: 0 })),
        message: problem,
      };
    prefix = `wb-${randomUUID().slice(0, 8)}`;
    const url = slot.host.redisUrlForRun(ctx.redisUrl);
    // The run's own ACL user (its prefix only, no dangerous commands); a Redis without ACL (< 6)
    // leaves the run with the grader's own connection rights, fenced by the prefix convention only.
    const bridged = slot.host.isolation === 'bubblewrap';
    let refused = '';
    user =
      slot.host.isolation === 'none'
        ? undefined
        : await createRunUser(ctx.redisUrl, prefix, url, !bridged).catch((e: Error) => {
            refused = e.message;
            return undefined;
          });
    if (bridged && !user) {
      const message = `Redis at ${ctx.redisUrl} could not give this run its own ACL user (${refused}); sandboxed grading needs Redis 6 or later and a URL whose user may run ACL SETUSER.`;
      return {
        status: 'error',
        checks: expectedChecks(exercise, ctx.stage).map((name) => ({ name, status: 'skipped', durationMs: 0 })),
        message,
      };
    }
    if (bridged && user) slot.host.redisLogin = { user: user.name, password: user.password, prefix };
    Object.assign(env, { REDIS_URL: user?.url ?? url, WORKBOOK_REDIS_PREFIX: prefix });
  }
  try {
    if (manifest.kind === 'tdd') return await gradeTdd(slot, exercise, files, env, ctx);
    return manifest.kind === 'write-tests'
      ? await gradeWriteTests(slot, exercise, files, env, ctx)
      : await gradeImplement(slot, exercise, files, env, ctx);
  } finally {
    slot.host.redisLogin = undefined;
    if (user) await deleteRunUser(ctx.redisUrl, user);
    if (prefix) await deleteKeys(ctx.redisUrl, prefix);
  }
}

async function gradeImplement(
  slot: Slot,
  exercise: LoadedExercise,
  files: Record<string, string>,
  env: Record<string, string>,
  ctx: RunContext,
): Promise<Verdict> {
  const refused = Object.entries(files).flatMap(([path, source]) => scanLearnerFile(path, source));
  if (refused.length > 0) {
    const checks = hiddenCheckNames(exercise).map((name): CheckResult => ({ name, status: 'skipped', durationMs: 0 }));
    return { status: 'error', checks, message: refusedImportsMessage(refused), attempts: refused };
  }
  const overlay = new Map(Object.entries(files));
  const specs: string[] = [];
  for (const [name, content] of checkFolderFiles(ctx.root, exercise.manifest.id)) {
    overlay.set(`${CHECKS_DIR}/${name}`, name.endsWith('.check.ts') ? witnessedCheck(content) : content);
    if (name.endsWith('.check.ts')) specs.push(join(slot.workspace.dir, CHECKS_DIR, name));
  }
  if (existsSync(FIXTURES)) overlay.set(`${CHECKS_DIR}/fixtures.ts`, readFileSync(FIXTURES, 'utf8'));
  const context = messageContext(slot, files);
  const streamed: RawTest[] = [];
  const outcome = await runOnce(
    slot,
    overlay,
    specs,
    Object.keys(files),
    exercise,
    env,
    { ...ctx, guard: true },
    (test) => {
      streamed.push(test);
      ctx.onCheck(checkFromTest(test, context));
    },
  );
  return verdictFromOutcome(
    outcome,
    streamed,
    hiddenCheckNames(exercise),
    context,
    exercise.manifest.timeLimitMs,
    slot.host.recentStderr(),
  );
}

const isSpec = (path: string) => path.endsWith('.spec.ts') || path.endsWith('.test.ts');

/**
 * tdd, stage spec: the learner's spec alone, graded exactly as write-tests grades one, with the
 * reference implementation (solutions/<id>/) where the service has none; the learner's own
 * implementation is not looked at yet. Stage implementation: the learner's spec must pass against
 * the learner's implementation (a sealed run, like any learner spec), then the hidden checks grade
 * that implementation with the import guard on, as implement exercises are graded.
 */
async function gradeTdd(
  slot: Slot,
  exercise: LoadedExercise,
  files: Record<string, string>,
  env: Record<string, string>,
  ctx: RunContext,
): Promise<Verdict> {
  const specPath = Object.keys(files).find(isSpec) ?? '';
  const implementation = Object.fromEntries(Object.entries(files).filter(([path]) => !isSpec(path)));
  if ((ctx.stage ?? 'spec') === 'spec') {
    const reference = Object.fromEntries(Object.keys(implementation).map((p) => [p, exercise.solution[p] ?? '']));
    return gradeWriteTests(slot, exercise, { [specPath]: files[specPath] ?? '' }, env, ctx, reference);
  }
  const context = messageContext(slot, files);
  const own = await runOnce(
    slot,
    new Map(Object.entries(files)),
    [join(slot.workspace.dir, specPath)],
    [specPath],
    exercise,
    env,
    ctx,
  );
  if (own.kind === 'aborted') return { status: 'error', checks: [], message: 'The run was cancelled.' };
  const ownVerdict = verdictFromOutcome(own, [], [], context, exercise.manifest.timeLimitMs, slot.host.recentStderr());
  const testCount = own.kind === 'done' ? own.modules.flatMap((m) => m.tests).length : 0;
  const ownPassed = allPassed(own);
  const failing = ownVerdict.checks.filter((c) => c.status !== 'passed');
  const ownCheck: CheckResult = ownPassed
    ? { name: OWN_SPEC_CHECK, status: 'passed', durationMs: durationOf(own) }
    : {
        name: OWN_SPEC_CHECK,
        status: own.kind === 'timeout' ? 'timeout' : 'failed',
        message:
          testCount === 0 && !ownVerdict.message
            ? 'Your spec has no tests: stage 2 runs the spec you wrote in stage 1 against your implementation.'
            : `Your implementation does not pass your own spec yet. Failing:\n${ownVerdict.message ?? failing.map((c) => `"${c.name}": ${c.message ?? c.status}`).join('\n')}`,
        durationMs: durationOf(own),
      };
  ctx.onCheck(ownCheck);
  const hidden = await gradeImplement(slot, exercise, implementation, env, ctx);
  const checks = [ownCheck, ...hidden.checks];
  const status = hidden.status === 'passed' && !ownPassed ? 'failed' : hidden.status;
  const message = hidden.message ?? (ownPassed ? undefined : ownCheck.message);
  return { ...hidden, status, checks, ...(message ? { message } : {}) };
}

async function gradeWriteTests(
  slot: Slot,
  exercise: LoadedExercise,
  files: Record<string, string>,
  env: Record<string, string>,
  ctx: RunContext,
  /** Files laid over the service in every run: the reference implementation a tdd spec is graded against. */
  base: Record<string, string> = {},
): Promise<Verdict> {
  const specPath = Object.keys(files).find(isSpec);
  if (!specPath)
    throw new Error(
      `exercise "${exercise.manifest.id}" is ${exercise.manifest.kind} but has no editable *.spec.ts file`,
    );
  files = { ...base, ...files };
  const spec = join(slot.workspace.dir, specPath);
  const context = messageContext(slot, files);
  const checks: CheckResult[] = [];
  const emit = (check: CheckResult) => {
    checks.push(check);
    ctx.onCheck(check);
  };

  const reference = await runOnce(slot, new Map(Object.entries(files)), [spec], [specPath], exercise, env, ctx);
  const referenceVerdict = verdictFromOutcome(
    reference,
    [],
    [],
    context,
    exercise.manifest.timeLimitMs,
    slot.host.recentStderr(),
  );
  const testCount = reference.kind === 'done' ? reference.modules.flatMap((m) => m.tests).length : 0;
  const mutants = Object.values(exercise.mutants);
  if (referenceVerdict.status !== 'passed' || testCount === 0) {
    const failing = referenceVerdict.checks.filter((c) => c.status !== 'passed');
    const detail = referenceVerdict.message ?? failing.map((c) => `"${c.name}": ${c.message ?? c.status}`).join('\n');
    const message =
      testCount === 0 && !referenceVerdict.message
        ? 'Your spec has no tests yet. Add it() blocks that describe the behaviour.'
        : `Your tests must pass against the correct implementation first. Failing:\n${detail}`;
    emit({
      name: REFERENCE_CHECK,
      status: referenceVerdict.status === 'timeout' ? 'timeout' : 'failed',
      message,
      durationMs: durationOf(reference),
    });
    for (const { description } of mutants)
      emit({
        name: mutantCheckName(description),
        status: 'skipped',
        message: 'Not run: your tests must pass against the correct implementation first.',
        durationMs: 0,
      });
    return {
      status:
        referenceVerdict.status === 'error' || referenceVerdict.status === 'timeout'
          ? referenceVerdict.status
          : 'failed',
      checks,
      message,
    };
  }
  // The same spec against a differently written reference (reference-variant.ts): a spec that
  // compares source text instead of testing behaviour passes the reference but not this.
  const variant = new Map(Object.entries(files));
  const underTest = new Set(mutants.flatMap((mutant) => Object.keys(mutant.files)));
  for (const path of underTest) {
    const original = join(ctx.root, 'service', path);
    const source = base[path] ?? (existsSync(original) ? readFileSync(original, 'utf8') : undefined);
    if (/\.(?:ts|mts|cts)$/.test(path) && source !== undefined) variant.set(path, referenceVariant(path, source));
  }
  const rewritten = await runOnce(slot, variant, [spec], [], exercise, env, ctx);
  if (rewritten.kind === 'aborted') return { status: 'error', checks, message: 'The run was cancelled.' };
  if (!allPassed(rewritten)) {
    const message =
      'Your tests passed against the reference implementation but not against the same code written differently (comments removed, methods reordered, no-op statements added). Test what the code does, not how its source text looks.';
    emit({
      name: REFERENCE_CHECK,
      status: rewritten.kind === 'timeout' ? 'timeout' : 'failed',
      message,
      durationMs: durationOf(reference) + durationOf(rewritten),
    });
    for (const { description } of mutants)
      emit({
        name: mutantCheckName(description),
        status: 'skipped',
        message: 'Not run: your tests must pass against every correct implementation first.',
        durationMs: 0,
      });
    return { status: 'failed', checks, message };
  }
  emit({ name: REFERENCE_CHECK, status: 'passed', durationMs: durationOf(reference) });
  for (const { description, files: mutated } of mutants) {
    const overlay = new Map(Object.entries({ ...files, ...mutated }));
    const outcome = await runOnce(slot, overlay, [spec], [], exercise, env, ctx);
    if (outcome.kind === 'aborted') return { status: 'error', checks, message: 'The run was cancelled.' };
    const survived = allPassed(outcome);
    emit(
      survived
        ? {
            name: mutantCheckName(description),
            status: 'failed',
            message: `All your tests passed against a wrong implementation: ${description}. Add a test that fails for it.`,
            durationMs: durationOf(outcome),
          }
        : { name: mutantCheckName(description), status: 'passed', durationMs: durationOf(outcome) },
    );
  }
  return { status: checks.every((c) => c.status === 'passed') ? 'passed' : 'failed', checks };
}

/** One Vitest run of `specs` over `overlay`; `learner` (workspace paths) are also type-checked. */
async function runOnce(
  slot: Slot,
  overlay: Map<string, string>,
  specs: string[],
  learner: string[],
  exercise: LoadedExercise,
  env: Record<string, string>,
  ctx: RunContext,
  onCase?: (test: RawTest) => void,
): Promise<RunOutcome> {
  const invalidate = slot.workspace.apply(overlay);
  const typed = learner.filter((path) => /\.(?:ts|tsx|mts|cts)$/.test(path));
  const outside =
    slot.typecheck && typed.length > 0
      ? slot.typecheck(new Map(typed.map((path) => [path, overlay.get(path) ?? ''])))
      : undefined;
  const typecheck = outside ? [] : typed.map((path) => join(slot.workspace.dir, path));
  const { timeLimitMs, needs } = exercise.manifest;
  const t0 = performance.now();
  const o = await slot.host.run(
    {
      specs,
      invalidate,
      typecheck,
      env,
      db: needs.includes('db'),
      testTimeoutMs: timeLimitMs,
      guard: ctx.guard ? learner.map((path) => join(slot.workspace.dir, path)) : [],
      witness: !!ctx.guard,
      // A learner's spec runs sealed (write-tests, and tdd runs without the guard); hidden checks do not.
      sealed: exercise.manifest.kind === 'write-tests' || (exercise.manifest.kind === 'tdd' && !ctx.guard),
      warmUp: await exercisePackages(ctx.root, exercise),
    },
    { timeoutMs: timeLimitMs, signal: ctx.signal, onCase },
  );
  if (outside) {
    const typeErrors = await outside;
    if (o.kind === 'done') o.typeErrors = typeErrors;
  }
  if (process.env['WORKBOOK_DEBUG'])
    console.error(`[grader] run ${Math.round(performance.now() - t0)} ms`, o.kind === 'done' ? o.timings : o.kind);
  return o;
}

/** The spec ran, with at least one test, and nothing in it failed. */
function allPassed(outcome: RunOutcome): boolean {
  return (
    outcome.kind === 'done' &&
    outcome.unhandled.length === 0 &&
    outcome.modules.some((m) => m.tests.length > 0) &&
    outcome.modules.every((m) => m.errors.length === 0 && m.tests.every((t) => t.state !== 'failed'))
  );
}

function durationOf(outcome: RunOutcome): number {
  return outcome.kind === 'done' ? Math.round(outcome.timings.vitestMs) : 0;
}

function messageContext(slot: Slot, files: Record<string, string>): MessageContext {
  return { workspace: slot.workspace.dir, learnerFiles: new Set(Object.keys(files)) };
}

/**
 * A hidden check whose tests report their own outcome to the worker's integrity runtime: `it`
 * and `test` from vitest become a module-local witnessed `it` (runtime/integrity.ts), which learner
 * code cannot reach. Claimed in the module body, after imports: a claim by learner code first is
 * one claim too many, and the host errors.
 */
export function witnessedCheck(source: string): string {
  let found = false;
  const rewritten = source.replace(/import\s*\{([^}]*)\}\s*from\s*(['"])vitest\2;?/, (_all, names: string) => {
    found = true;
    const kept = names
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n !== '' && n !== 'it' && n !== 'test');
    const uses = names.split(',').map((n) => n.trim());
    const bind = [
      uses.includes('it') ? 'const it = __workbookIt;' : '',
      uses.includes('test') ? 'const test = __workbookIt;' : '',
    ].join(' ');
    return `import { ${[...kept, 'it as __workbookVitestIt'].join(', ')} } from 'vitest'; ${bind}`;
  });
  if (!found) return source;
  const claim = `const __workbookIt = (globalThis as unknown as Record<symbol, { claim(it: unknown): typeof __workbookVitestIt }>)[Symbol.for('workbook.integrity')]!.claim(__workbookVitestIt);`;
  // Keeps line numbers: the claim joins the first line.
  return `${claim} ${rewritten}`;
}

/** checks/<id>/ files (checks and their helpers), without the mutants folder. */
function checkFolderFiles(root: string, id: string): [string, string][] {
  const dir = join(root, 'checks', id);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => [e.name, readFileSync(join(dir, e.name), 'utf8')]);
}
