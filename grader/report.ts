// Builds the learner-facing CheckReport pieces from what a run produced.
import type { CheckResult, ReportStatus } from '../src/schemas/report.ts';
import { clean, describeError, type MessageContext } from './messages.ts';
import type { RawError, RawTest, TypeDiagnostic, WitnessSummary } from './protocol.ts';
import type { RunOutcome } from './runner-host.ts';

export interface Verdict {
  status: ReportStatus;
  checks: CheckResult[];
  message?: string;
  /** What the code tried that the grader caught (report `attempts`); a verdict with attempts is never passed. */
  attempts?: string[];
}

export function checkFromTest(test: RawTest, context: MessageContext): CheckResult {
  const base = { name: test.name, durationMs: test.durationMs };
  if (test.state === 'passed') return { ...base, status: 'passed' };
  if (test.state !== 'failed') return { ...base, status: 'skipped' };
  const first = test.errors[0];
  if (!first) return { ...base, status: 'failed', message: 'This check failed without an error message.' };
  return { ...base, status: 'failed', ...describeError(first, context) };
}

/** Explains an error that happened outside any check (import, compile, exit, memory, output). */
export function explainRunError(error: RawError, context: MessageContext, stderr: string): string {
  const text = error.message;
  if (text.includes('WORKBOOK_OUTPUT_FLOOD')) {
    return `${clean(text.replace('WORKBOOK_OUTPUT_FLOOD: ', ''), context)}. Remove console.log calls from loops and hot paths, then run the checks again.`;
  }
  if (/process\.exit/.test(text)) {
    return `Your code called process.exit(), which would stop the whole service. Throw an error (or return a value) instead. (${clean(text, context, 300)})`;
  }
  if (isOutOfMemory(text, stderr)) return outOfMemoryMessage();
  const { message } = describeError(error, context);
  if (/Transform failed|SyntaxError|Parse failure|Expected .* but found|Unexpected token|PARSE_ERROR/i.test(text)) {
    return `Your code does not compile: ${message}\nFix the syntax error at that line and run the checks again.`;
  }
  return `Loading your code failed before any check could run: ${message}`;
}

export function isOutOfMemory(text: string, stderr: string): boolean {
  return /heap out of memory|ERR_WORKER_OUT_OF_MEMORY|Reached heap limit/i.test(`${text}\n${stderr}`);
}

export function outOfMemoryMessage(): string {
  return 'Your code used more memory than a grading run allows and was stopped. Look for a loop that keeps adding to an array or map, or a recursion without an end.';
}

/** Turns one run's outcome into a verdict; `expected` names the checks in order, for those that never reported. */
export function verdictFromOutcome(
  outcome: RunOutcome,
  streamed: RawTest[],
  expected: string[],
  context: MessageContext,
  timeLimitMs: number,
  stderr: string,
): Verdict {
  if (outcome.kind === 'timeout') {
    const checks = streamed.map((t) => checkFromTest(t, context));
    const seen = new Set(checks.map((c) => c.name));
    const running = outcome.running?.name;
    for (const name of expected) {
      if (seen.has(name)) continue;
      checks.push(
        name === running
          ? {
              name,
              status: 'timeout',
              message: `Still running when the ${seconds(timeLimitMs)} limit was reached.`,
              durationMs: timeLimitMs,
            }
          : { name, status: 'skipped', durationMs: 0 },
      );
    }
    return {
      status: 'timeout',
      checks,
      message: `Your code did not finish within ${seconds(timeLimitMs)}${running ? ` (stuck in "${running}")` : ''}. Look for an infinite loop or a promise that never settles, then run the checks again.`,
    };
  }
  if (outcome.kind === 'crashed') {
    const message = isOutOfMemory(outcome.message, `${outcome.stderr}\n${stderr}`)
      ? outOfMemoryMessage()
      : `The grading process stopped unexpectedly while running your code (${clean(outcome.message, context, 400)}). Run the checks again; if it happens again, look for code that ends the process.`;
    return { status: 'error', checks: skippedChecks(expected, streamed, context), message };
  }
  if (outcome.kind === 'aborted') {
    return { status: 'error', checks: skippedChecks(expected, streamed, context), message: 'The run was cancelled.' };
  }
  const tests = outcome.modules.flatMap((m) => m.tests);
  const runErrors = [...outcome.modules.flatMap((m) => m.errors), ...outcome.unhandled];
  const checks = tests.map((t) => checkFromTest(t, context));
  const refused = [
    ...outcome.modules.flatMap((m) => [...m.errors, ...m.tests.flatMap((t) => t.errors)]),
    ...outcome.unhandled,
  ]
    .map((e) => /WORKBOOK_IMPORT_REFUSED: (.*?);/.exec(e.message)?.[1])
    .filter((line): line is string => line !== undefined)
    .map((line) => clean(line, context));
  if (refused.length > 0) return tampered(skippedChecks(expected, [], context), [...new Set(refused)]);
  // Writes that the worker's locks turned into TypeErrors (runtime/integrity.ts): new properties on
  // a sealed built-in or on the assertion library.
  const sealed = runErrors
    .map((e) => /Cannot (?:add|define) property ([^,\s]+), object is not extensible/.exec(e.message)?.[1])
    .filter((p): p is string => p !== undefined)
    .map((p) => `tried to add "${p}" to an object that may not change (a built-in prototype or the assertion library)`);
  const witnessed = outcome.witness?.attempts ?? [];
  if (sealed.length > 0 || (runErrors.length > 0 && witnessed.length > 0))
    return tampered(skippedChecks(expected, [], context), [...new Set([...witnessed, ...sealed])]);
  if (runErrors.length > 0) {
    const explained = [...new Set(runErrors.map((e) => explainRunError(e, context, stderr)))];
    return {
      status: 'error',
      checks: checks.length > 0 ? checks : skippedChecks(expected, [], context),
      message: explained.join('\n\n'),
    };
  }
  if (outcome.witness !== undefined) {
    const problems = witnessProblems(outcome.witness, tests, outcome.modules.length);
    if (problems.length > 0) return tampered(checks, problems);
  }
  if (outcome.typeErrors.length > 0) {
    return { status: 'error', checks, message: typeErrorMessage(outcome.typeErrors) };
  }
  const exit = tests.flatMap((t) => t.errors).find((e) => /process\.exit unexpectedly called/.test(e.message));
  if (exit) return { status: 'error', checks, message: explainRunError(exit, context, stderr) };
  // A learner's own spec (nothing expected) that declares no test is unfinished work, not a broken
  // exercise: the caller says "your spec has no tests yet".
  if (checks.length === 0 && expected.length === 0) return { status: 'failed', checks };
  if (checks.length === 0) {
    return {
      status: 'error',
      checks,
      message: "No check ran. The exercise's hidden checks may be broken: please tell your mentor.",
    };
  }
  // `expected` is empty for a learner's own spec (write-tests): its tests are whatever it declares.
  const mismatch =
    expected.length > 0
      ? checkListMismatch(
          checks.map((c) => c.name),
          expected,
        )
      : undefined;
  if (mismatch) return tampered(skippedChecks(expected, [], context), [mismatch]);
  return { status: checks.every((c) => c.status === 'passed') ? 'passed' : 'failed', checks };
}

/**
 * Threat: code in the run registering tests of its own (or duplicating a check's name) so that the
 * runner reports passes the hidden checks never produced. The host trusts only the declared list:
 * the reported names must be exactly the expected ones, each once.
 */
export function checkListMismatch(reported: string[], expected: string[]): string | undefined {
  // A name declared as a template (`${backend}: …`, in a loop) matches any number of reported names.
  const patterns = expected.filter((n) => n.includes('${')).map(templatePattern);
  const literal = expected.filter((n) => !n.includes('${'));
  const count = (names: string[]) => names.reduce((m, n) => m.set(n, (m.get(n) ?? 0) + 1), new Map<string, number>());
  const want = count(literal);
  const got = count(reported);
  const extra = [...got]
    .filter(([n, c]) => (want.has(n) ? c > (want.get(n) ?? 0) : c > 1 || !patterns.some((p) => p.test(n))))
    .map(([n]) => n);
  const missing = [...want].filter(([n, c]) => c > (got.get(n) ?? 0)).map(([n]) => n);
  if (extra.length === 0 && missing.length === 0) return undefined;
  const parts = [
    ...(extra.length > 0
      ? [
          `reported tests that are not the exercise's checks or reported a check twice: ${extra.map((n) => `"${n}"`).join(', ')}`,
        ]
      : []),
    ...(missing.length > 0 ? [`did not report: ${missing.map((n) => `"${n}"`).join(', ')}`] : []),
  ];
  return `the run ${parts.join('; ')}`;
}

function templatePattern(name: string): RegExp {
  const parts = name.split(/\$\{[^}]*\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+')}$`, 's');
}

/**
 * Threat: learner code forging results between the checks and the host (rpc, reporter task
 * objects, hooks, raw IPC). The worker's authenticated summary carries each check's own outcome;
 * a check counts as passed only when Vitest and its witness both say so.
 */
export function witnessProblems(witness: WitnessSummary | null, tests: RawTest[], checkFiles: number): string[] {
  if (!witness)
    return ["the checks' own results never reached the grader (the worker's messages were blocked, forged or cut off)"];
  const problems = [...witness.attempts];
  if (witness.claims !== checkFiles)
    problems.push(
      `took hold of the checks' result channel (${witness.claims} claims for ${checkFiles} check file${checkFiles === 1 ? '' : 's'})`,
    );
  const outcomes = new Map<string, boolean[]>();
  for (const r of witness.reports) outcomes.set(r.name, [...(outcomes.get(r.name) ?? []), r.passed]);
  for (const [name, seen] of outcomes)
    if (seen.length > 1) problems.push(`ran the check "${name}" ${seen.length} times`);
  for (const test of tests) {
    if (test.state !== 'passed') continue;
    const seen = outcomes.get(test.name);
    if (seen?.length !== 1 || !seen[0])
      problems.push(`made "${test.name}" look passed although the check itself did not pass`);
  }
  return [...new Set(problems)];
}

/** The verdict for a run whose code tampered with grading: error, naming what it did; never passed. */
export function tampered(checks: CheckResult[], attempts: string[]): Verdict {
  return {
    status: 'error',
    checks: checks.map((c) =>
      c.status === 'passed'
        ? { ...c, status: 'skipped' as const, message: 'Not counted: the run tampered with grading.' }
        : c,
    ),
    message: [
      'Your code interfered with the grader, so this run cannot be graded:',
      ...attempts.map((a) => `- ${a}`),
      'Exercise code must only do what the exercise asks: remove code that touches the test runner, its results or built-in objects, and run the checks again.',
    ].join('\n'),
    attempts,
  };
}

/** Type errors, one line each with file and line, as the learner's editor would show them. */
export function typeErrorMessage(diagnostics: TypeDiagnostic[]): string {
  const shown = diagnostics
    .slice(0, 5)
    .map((d) => `${d.file}:${d.line}:${d.column} ${d.message.split('\n').join(' ')} (TS${d.code})`);
  const more = diagnostics.length > shown.length ? [`…and ${diagnostics.length - shown.length} more`] : [];
  return [
    `Your code has ${diagnostics.length === 1 ? 'a type error' : `${diagnostics.length} type errors`}:`,
    ...shown,
    ...more,
    'Fix them and run the checks again.',
  ].join('\n');
}

function skippedChecks(expected: string[], streamed: RawTest[], context: MessageContext): CheckResult[] {
  const done = streamed.map((t) => checkFromTest(t, context));
  const seen = new Set(done.map((c) => c.name));
  return [
    ...done,
    ...expected.filter((n) => !seen.has(n)).map((name): CheckResult => ({ name, status: 'skipped', durationMs: 0 })),
  ];
}

const seconds = (ms: number) => `${+(ms / 1000).toFixed(1)} s`;

/** Check names declared in spec source (`it('…')` / `test('…')`), used before a run reports them. */
export function declaredTestNames(source: string): string[] {
  const names: string[] = [];
  const pattern = /\b(?:it|test)(?:\.(?:only|concurrent|sequential|fails))?\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
  for (const match of source.matchAll(pattern)) names.push((match[2] ?? '').replace(/\\(.)/g, '$1'));
  return names;
}
