import type { TaskStatus } from '../../domain/task/task-status.js';

/** What the cache's lifetime for a task depends on. */
export interface TaskCacheFacts {
  status: TaskStatus;
  dueDate: Date | null;
}

/** Open tasks are cached this long, before jitter. */
export const OPEN_TASK_TTL_SECONDS = 60;
/** Completed tasks rarely change: cached this long, before jitter. */
export const COMPLETED_TASK_TTL_SECONDS = 600;

/**
 * How many whole seconds to cache a task read at `now`. `random` returns a number in [0, 1), like
 * Math.random (tests pass their own), and spreads expiries so entries written together do not all
 * expire together.
 */
export type TaskCacheTtl = (task: TaskCacheFacts, now: Date, random: () => number) => number;
