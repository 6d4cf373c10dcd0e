import type { Task } from './task.entity.js';
import type { TaskStatus } from './task-status.js';

export const TASK_SORT_FIELDS = ['createdAt', 'updatedAt', 'dueDate', 'title', 'status'] as const;
export type TaskSortField = (typeof TASK_SORT_FIELDS)[number];
export type SortDirection = 'asc' | 'desc';

/** Which tasks to list and how; `visibleTo` limits the result to one user's tasks. */
export interface TaskListCriteria {
  /** 1-based page number. */
  page: number;
  /** Page size, 1–100. */
  limit: number;
  status?: TaskStatus | undefined;
  assigneeId?: string | undefined;
  /** Only tasks this user created or is assigned to (what a member may see). */
  visibleTo?: string | undefined;
  sort: { field: TaskSortField; direction: SortDirection };
}

export interface TaskPage {
  items: Task[];
  /** How many tasks match the criteria across all pages. */
  total: number;
}

/** Number of tasks per status, and in total, for the tasks a user may see. */
export interface TaskStats {
  total: number;
  byStatus: Record<TaskStatus, number>;
  /** Not completed and past their due date. */
  overdue: number;
}

/**
 * Where tasks live. The domain states what it needs; infrastructure (Prisma on PGlite or
 * PostgreSQL) provides it. `save` inserts or updates, so handlers never care which.
 */
export interface TaskRepository {
  findById(id: string): Promise<Task | null>;
  save(task: Task): Promise<void>;
  /** Removes the task; returns false when there was nothing to remove. */
  delete(id: string): Promise<boolean>;
  list(criteria: TaskListCriteria): Promise<TaskPage>;
  stats(filter: { visibleTo?: string | undefined; now: Date }): Promise<TaskStats>;
}

/** Injection token: `@Inject(TASK_REPOSITORY) tasks: TaskRepository`. */
export const TASK_REPOSITORY = Symbol('TASK_REPOSITORY');
