import { Query } from '@nestjs/cqrs';
import type { TaskListCriteria } from '../../domain/task/task.repository.js';
import type { Actor } from '../../domain/user/actor.js';
import type { TaskView } from '../task-view.js';

export const MAX_PAGE_SIZE = 100;

export interface TaskListResult {
  data: TaskView[];
  meta: { total: number; page: number; limit: number; totalPages: number };
}

/** One page of the tasks `actor` may see. `visibleTo` is decided by the handler, not the caller. */
export class ListTasksQuery extends Query<TaskListResult> {
  constructor(
    readonly criteria: Omit<TaskListCriteria, 'visibleTo'>,
    readonly actor: Actor,
  ) {
    super();
  }
}
