import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError } from '../../domain/shared/domain-error.js';
import { TASK_REPOSITORY, type TaskRepository } from '../../domain/task/task.repository.js';
import { UserRole } from '../../domain/user/user-role.js';
import { toTaskView } from '../task-view.js';
import { ListTasksQuery, MAX_PAGE_SIZE, type TaskListResult } from './list-tasks.query.js';

@QueryHandler(ListTasksQuery)
export class ListTasksHandler implements IQueryHandler<ListTasksQuery> {
  constructor(@Inject(TASK_REPOSITORY) private readonly tasks: TaskRepository) {}

  async execute({ criteria, actor }: ListTasksQuery): Promise<TaskListResult> {
    const { page, limit } = criteria;
    if (!Number.isInteger(page) || page < 1 || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new DomainError(
        'TASK.INVALID_PAGE',
        `page must be an integer ≥ 1 and limit an integer in 1–${MAX_PAGE_SIZE}; got page=${page}, limit=${limit}.`,
      );
    }
    const visibleTo = actor.role === UserRole.MEMBER ? actor.id : undefined;
    const { items, total } = await this.tasks.list({ ...criteria, visibleTo });
    return {
      data: items.map(toTaskView),
      meta: { total, page, limit, totalPages: Math.ceil(total / limit) },
    };
  }
}
