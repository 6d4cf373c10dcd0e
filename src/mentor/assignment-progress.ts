// What the intern sees per assignment: done / total, due days, overdue marks. Pure, so the home page
// component and the tests compute the same thing.
import type { ExerciseSet } from '../schemas/exercise-set.ts';
import type { ExerciseStatus, Progress } from '../schemas/progress.ts';

export interface AssignmentItem {
  id: string;
  status: ExerciseStatus;
  due?: string;
  /** Due day has passed and the exercise is not passed. */
  overdue: boolean;
}

export interface AssignmentSummary {
  done: number;
  total: number;
  items: AssignmentItem[];
  /** Earliest due day among exercises not yet passed. */
  nextDue?: string;
  overdueCount: number;
}

/** Today as YYYY-MM-DD in local time: due days are calendar days, not instants. */
export function localDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** True when `due` (YYYY-MM-DD) is before `today` and the work is not passed. */
export const isOverdue = (due: string | undefined, status: ExerciseStatus, today: string): boolean =>
  due !== undefined && status !== 'passed' && due < today;

/** Summarises one assignment against the intern's saved progress. */
export function summarizeAssignment(
  set: ExerciseSet,
  progress: Pick<Progress, 'exercises'>,
  today: string,
): AssignmentSummary {
  const items = set.exercises.map(({ id, due }): AssignmentItem => {
    const status =
      (Object.hasOwn(progress.exercises, id) ? progress.exercises[id]?.status : undefined) ?? 'not-started';
    return { id, status, ...(due ? { due } : {}), overdue: isOverdue(due, status, today) };
  });
  const pendingDues = items
    .filter((i) => i.status !== 'passed' && i.due)
    .map((i) => i.due!)
    .sort();
  return {
    done: items.filter((i) => i.status === 'passed').length,
    total: items.length,
    items,
    ...(pendingDues[0] ? { nextDue: pendingDues[0] } : {}),
    overdueCount: items.filter((i) => i.overdue).length,
  };
}
