// Re-grade: runs the hidden checks again on the code inside each report and compares the outcome
// with what the report claims. The grading itself goes through whatever engine the page has.
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
}

/** Every cell worth re-grading: known exercises with submitted code, or claiming a pass without any. */
export function regradeTasks(table: CohortTable, catalog: ReadonlyMap<string, CatalogEntry>): RegradeTask[] {
  return table.rows.flatMap((row) =>
    table.columns.flatMap((column) => {
      const cell = row.cells.get(column.id);
      if (!cell || !catalog.has(column.id)) return [];
      if (Object.keys(cell.files).length === 0 && cell.status !== 'passed') return [];
      return [{ key: verdictKey(cell.fingerprint, column.id), intern: row.intern.name, exerciseId: column.id, claimed: cell.status, files: cell.files }];
    }),
  );
}

/** Compares a claim with a fresh check report. */
export function judge(claimed: Verdict['claimed'], report: CheckReport, now: Date = new Date()): Verdict {
  const passed = report.status === 'passed';
  const failing = report.checks.filter((c) => c.status !== 'passed').map((c) => c.name);
  const why = report.message ?? (failing.length ? `failing: ${failing.slice(0, 3).join('; ')}${failing.length > 3 ? '; …' : ''}` : report.status);
  const base = { claimed, regraded: report.status, checkedAt: now.toISOString() };
  if (claimed === 'passed') {
    return passed
      ? { ...base, verdict: 'verified', message: `Checks pass (${report.checks.length} of ${report.checks.length}).` }
      : { ...base, verdict: 'mismatched', message: `The report claims a pass, but the checks say ${report.status} (${why}).` };
  }
  return passed
    ? { ...base, verdict: 'mismatched', message: `The report says ${claimed}, but the submitted code passes every check.` }
    : { ...base, verdict: 'verified', message: `Not passed, as the report says (${why}).` };
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
      verdict = { verdict: 'mismatched', claimed: task.claimed, message: 'The report claims a pass but carries no code to check.', checkedAt: now().toISOString() };
      done += 1;
      options.onVerdict(task.key, verdict, done);
      continue;
    }
    try {
      const report = await grade({ exerciseId: task.exerciseId, files: task.files }, options.signal);
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
