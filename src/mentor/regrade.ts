// Re-grade: runs the hidden checks again on the code inside each report and compares the outcome
// with what the report claims. The grading itself goes through whatever engine the page has.
import { ISOLATION_LABELS } from '../schemas/isolation-label.ts';
import type { CheckReport, GradeRequest } from '../schemas/report.ts';
import type { CatalogEntry, CohortTable } from './cohort-table.ts';
import { verdictKey, type Verdict } from './cohort.ts';

/** Grades one submission; rejects when no engine can run it. */
export type GradeFn = (request: GradeRequest, signal: AbortSignal) => Promise<CheckReport>;

export interface RegradeTask {
  key: string;
  intern: string;
  exerciseId: string;
  claimed: Verdict['claimed'];
  files: Record<string, string>;
  /** Test-first exercises: the stage that decides a pass (the implementation; a passing spec alone is not done). */
  stage?: 'implementation';
}

/** Every cell worth re-grading: known exercises with submitted code, or claiming a pass without any. */
export function regradeTasks(table: CohortTable, catalog: ReadonlyMap<string, CatalogEntry>): RegradeTask[] {
  return table.rows.flatMap((row) =>
    table.columns.flatMap((column) => {
      const cell = row.cells.get(column.id);
      if (!cell || !catalog.has(column.id)) return [];
      if (Object.keys(cell.files).length === 0 && cell.status !== 'passed') return [];
      return [
        {
          key: verdictKey(cell.fingerprint, column.id),
          intern: row.intern.name,
          exerciseId: column.id,
          claimed: cell.status,
          files: cell.files,
          ...(catalog.get(column.id)?.testFirst ? { stage: 'implementation' as const } : {}),
        },
      ];
    }),
  );
}

/** What a mentor does to get a re-grade that can verify anything. */
export const HOW_TO_ISOLATE =
  'Re-grade with `npm start` on Linux with bubblewrap installed (`sudo apt-get install bubblewrap`), or on a machine whose Node supports --permission.';

/**
 * Compares a claim with a fresh check report. `verified` needs all three: the checks agree, the
 * run was isolated, and the code tried nothing the sandbox refused — a pass obtained by escaping
 * or forging is not a pass.
 */
export function judge(claimed: Verdict['claimed'], report: CheckReport, now: Date = new Date()): Verdict {
  // A test-first exercise's spec stage passing is not a pass of the exercise (only its implementation stage is).
  const passed = report.status === 'passed' && report.stage !== 'spec';
  const failing = report.checks.filter((c) => c.status !== 'passed').map((c) => c.name);
  const why =
    report.message ??
    (failing.length ? `failing: ${failing.slice(0, 3).join('; ')}${failing.length > 3 ? '; …' : ''}` : report.status);
  const attempts = report.attempts ?? [];
  const base = {
    claimed,
    regraded: report.status,
    isolation: report.isolation,
    ...(attempts.length ? { attempts } : {}),
    checkedAt: now.toISOString(),
  };
  if (attempts.length) {
    return {
      ...base,
      verdict: 'tampered',
      message: `The submitted code tried what the sandbox refused: ${attempts.join('; ')}. Never verified; read the code before trusting this report.`,
    };
  }
  if (report.status === 'error' && report.checks.every((c) => c.status === 'skipped')) {
    // No check ran: the grader refused (e.g. no sandbox on this machine) or could not start. Its
    // message says how to fix that; it says nothing about the claim.
    const message = report.message ?? 'the grader did not run any check.';
    return {
      ...base,
      verdict: 'unverified',
      message: /^Not re-graded/.test(message) ? message : `Not re-graded: ${message}`,
    };
  }
  const agrees = claimed === 'passed' ? passed : !passed;
  if (!agrees) {
    return claimed === 'passed'
      ? {
          ...base,
          verdict: 'mismatched',
          message:
            report.stage === 'spec'
              ? 'The report claims a pass, but only the spec stage (test first) was graded; the exercise is passed when its implementation stage passes.'
              : `The report claims a pass, but the checks say ${report.status} (${why}).`,
        }
      : {
          ...base,
          verdict: 'mismatched',
          message: `The report says ${claimed}, but the submitted code passes every check.`,
        };
  }
  const outcome = passed
    ? `Checks pass (${report.checks.length} of ${report.checks.length})`
    : `Not passed, as the report says (${why})`;
  if (report.isolation === 'none') {
    return {
      ...base,
      verdict: 'unverified',
      message: `${outcome}, but the re-grade ran without isolation, so it proves nothing. ${HOW_TO_ISOLATE}`,
    };
  }
  return { ...base, verdict: 'verified', message: `${outcome}; ran isolated (${ISOLATION_LABELS[report.isolation]}).` };
}

/** Runs the tasks one at a time (the grader queues anyway), reporting each verdict as it lands. */
export async function regrade(
  tasks: readonly RegradeTask[],
  grade: GradeFn,
  options: { signal: AbortSignal; onVerdict: (key: string, verdict: Verdict, done: number) => void; now?: () => Date },
): Promise<void> {
  const now = options.now ?? (() => new Date());
  let done = 0;
  for (const task of tasks) {
    options.signal.throwIfAborted();
    let verdict: Verdict;
    if (Object.keys(task.files).length === 0) {
      verdict = {
        verdict: 'mismatched',
        claimed: task.claimed,
        message: 'The report claims a pass but carries no code to check.',
        checkedAt: now().toISOString(),
      };
      done += 1;
      options.onVerdict(task.key, verdict, done);
      continue;
    }
    try {
      // purpose 'regrade': someone else's code, so the grader uses a fresh sandbox or refuses.
      const report = await grade(
        {
          exerciseId: task.exerciseId,
          files: task.files,
          purpose: 'regrade',
          ...(task.stage ? { stage: task.stage } : {}),
        },
        options.signal,
      );
      verdict = judge(task.claimed, report, now());
    } catch (error) {
      options.signal.throwIfAborted();
      verdict = {
        verdict: 'unverified',
        claimed: task.claimed,
        message: `Could not re-grade: ${(error as Error).message}`,
        checkedAt: now().toISOString(),
      };
    }
    done += 1;
    options.onVerdict(task.key, verdict, done);
  }
}
