// The host's side of a browser run: the page, not the worker, decides the verdict. Learner code
// shares the worker with Vitest's runner, so anything the worker says is treated as a claim: the
// checks must be exactly the declared ones, and a run that reports fewer, more or renamed checks is
// an error, never a pass. Messages follow the local grader's wording (grader/report.ts).
import type { CheckResult, ReportStatus } from '../schemas/report.ts';
import type { WorkerCheck, WorkerError } from './browser-protocol.ts';

export interface Verdict {
  status: ReportStatus;
  checks: CheckResult[];
  message?: string;
}

/** A compile problem in a learner file, as the local grader reports type errors. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
  code: number;
  /** true for a syntax error (the file cannot be parsed), false for a type error. */
  syntax: boolean;
}

const MAX_MESSAGE = 2000;
const trim = (text: string, max = MAX_MESSAGE) =>
  (text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text).trim();
const skipped = (names: readonly string[]): CheckResult[] =>
  names.map((name) => ({ name, status: 'skipped', durationMs: 0 }));
const seconds = (ms: number) => `${+(ms / 1000).toFixed(1)} s`;

export function checkFromWorker(check: WorkerCheck): CheckResult {
  const base = { name: check.name, durationMs: check.durationMs };
  if (check.state !== 'failed') return { ...base, status: check.state };
  const first = check.errors[0];
  if (!first) return { ...base, status: 'failed', message: 'This check failed without an error message.' };
  const name = first.name && !['AssertionError', 'Error'].includes(first.name) ? `${first.name}: ` : '';
  return {
    ...base,
    status: 'failed',
    message: trim(`${name}${first.message}`),
    ...(first.expected !== undefined ? { expected: trim(first.expected, 1500) } : {}),
    ...(first.actual !== undefined ? { received: trim(first.actual, 1500) } : {}),
  };
}

/** Syntax errors first (nothing else matters until the file parses), then type errors; checks not run. */
export function compileVerdict(diagnostics: readonly Diagnostic[], declared: readonly string[]): Verdict {
  const syntax = diagnostics.filter((d) => d.syntax);
  if (syntax.length > 0) {
    const d = syntax[0] as Diagnostic;
    return {
      status: 'error',
      checks: skipped(declared),
      message: `Your code does not compile: ${d.file}:${d.line}:${d.column} ${d.message}\nFix the syntax error at that line and run the checks again.`,
    };
  }
  const shown = diagnostics
    .slice(0, 5)
    .map((d) => `${d.file}:${d.line}:${d.column} ${d.message.split('\n').join(' ')} (TS${d.code})`);
  const more = diagnostics.length > shown.length ? [`…and ${diagnostics.length - shown.length} more`] : [];
  const title = `Your code has ${diagnostics.length === 1 ? 'a type error' : `${diagnostics.length} type errors`}:`;
  return {
    status: 'error',
    checks: skipped(declared),
    message: [title, ...shown, ...more, 'Fix them and run the checks again.'].join('\n'),
  };
}

export function timeoutVerdict(
  streamed: readonly WorkerCheck[],
  declared: readonly string[],
  running: string | undefined,
  limitMs: number,
): Verdict {
  const checks = streamed.map(checkFromWorker);
  const seen = new Set(checks.map((c) => c.name));
  for (const name of declared) {
    if (seen.has(name)) continue;
    checks.push(
      name === running
        ? {
            name,
            status: 'timeout',
            message: `Still running when the ${seconds(limitMs)} limit was reached.`,
            durationMs: limitMs,
          }
        : { name, status: 'skipped', durationMs: 0 },
    );
  }
  return {
    status: 'timeout',
    checks,
    message: `Your code did not finish within ${seconds(limitMs)}${running ? ` (stuck in "${running}")` : ''}. Look for an infinite loop or a promise that never settles, then run the checks again.`,
  };
}

export function floodVerdict(streamed: readonly WorkerCheck[], declared: readonly string[]): Verdict {
  const done = streamed.map(checkFromWorker);
  const seen = new Set(done.map((c) => c.name));
  return {
    status: 'error',
    checks: [...done, ...skipped(declared.filter((n) => !seen.has(n)))],
    message:
      'Your code wrote more console output than a run allows. Remove console.log calls from loops and hot paths, then run the checks again.',
  };
}

function explainRunError(error: WorkerError): string {
  const text = `${error.name && error.name !== 'Error' ? `${error.name}: ` : ''}${error.message}`;
  if (/SyntaxError|Unexpected token/i.test(text))
    return `Your code does not compile: ${trim(text)}\nFix the syntax error and run the checks again.`;
  return `Loading your code failed before any check could run: ${trim(text)}`;
}

/** The verdict of a finished run, held to the declared check names. */
export function finishedVerdict(
  reported: readonly WorkerCheck[],
  errors: readonly WorkerError[],
  declared: readonly string[],
): Verdict {
  const checks = reported.map(checkFromWorker);
  if (errors.length > 0) {
    const message = [...new Set(errors.map(explainRunError))].join('\n\n');
    if (checks.length > 0) return { status: 'error', checks, message };
    return { status: 'error', checks: skipped(declared), message };
  }
  // Same names, same count; the order may differ (checks declared in several files run file by file).
  const names = checks.map((c) => c.name);
  const sorted = (list: readonly string[]) => [...list].sort().join('\n');
  const same = sorted(names) === sorted(declared);
  if (!same) {
    const missing = declared.filter((n) => !names.includes(n));
    const extra = names.filter((n) => !declared.includes(n));
    const detail = [
      missing.length ? `missing: ${missing.map((n) => `"${n}"`).join(', ')}` : '',
      extra.length ? `unexpected: ${extra.map((n) => `"${n}"`).join(', ')}` : '',
      !missing.length && !extra.length ? `${names.length} reported for ${declared.length} declared` : '',
    ]
      .filter(Boolean)
      .join('; ');
    return {
      status: 'error',
      checks: skipped(declared),
      message: `The run did not report the exercise's checks (${detail}), so it cannot count. Run the checks again; if it persists, grade with the local grader (npm start).`,
    };
  }
  return { status: checks.every((c) => c.status === 'passed') ? 'passed' : 'failed', checks };
}
