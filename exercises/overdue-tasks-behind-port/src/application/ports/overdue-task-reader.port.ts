import type { TaskProps } from '../../domain/task/task.entity.js';

export interface OverdueFilter {
  now: Date;
  /** Only tasks this user created or is assigned to; all tasks when undefined. */
  visibleTo?: string | undefined;
  limit: number;
}

/** Reads tasks that are past their due date and not completed, earliest due first. */
export interface OverdueTaskReader {
  findOverdue(filter: OverdueFilter): Promise<TaskProps[]>;
}

export const OVERDUE_TASK_READER = Symbol('OVERDUE_TASK_READER');
