import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { TASK_REPOSITORY, type TaskRepository, type TaskStats } from '../../domain/task/task.repository.js';
import { UserRole } from '../../domain/user/user-role.js';
import { CLOCK, type Clock } from '../ports/clock.port.js';
import { GetTaskStatsQuery } from './get-task-stats.query.js';

@QueryHandler(GetTaskStatsQuery)
export class GetTaskStatsHandler implements IQueryHandler<GetTaskStatsQuery> {
  constructor(
    @Inject(TASK_REPOSITORY) private readonly tasks: TaskRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ actor }: GetTaskStatsQuery): Promise<TaskStats> {
    const visibleTo = actor.role === UserRole.MEMBER ? actor.id : undefined;
    return this.tasks.stats({ visibleTo, now: this.clock.now() });
  }
}
