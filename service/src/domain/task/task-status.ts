/** Where a task is in its life: TODO → IN_PROGRESS (assigned) → COMPLETED. */
export const TaskStatus = {
  TODO: 'TODO',
  IN_PROGRESS: 'IN_PROGRESS',
  COMPLETED: 'COMPLETED',
} as const;

export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];

/** Every status, in life-cycle order (for validation and statistics). */
export const TASK_STATUSES: readonly TaskStatus[] = Object.values(TaskStatus);

/** @public Week 1 teaches it as the type guard at trust boundaries (a string from the database or a query). */
export function isTaskStatus(value: unknown): value is TaskStatus {
  return typeof value === 'string' && (TASK_STATUSES as readonly string[]).includes(value);
}
