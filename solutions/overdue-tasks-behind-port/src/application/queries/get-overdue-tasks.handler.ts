import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Actor } from '../../domain/user/actor.js';
import { UserRole } from '../../domain/user/user-role.js';
import { CLOCK, type Clock } from '../ports/clock.port.js';
import { OVERDUE_TASK_READER, type OverdueTaskReader } from '../ports/overdue-task-reader.port.js';
import { toTaskView, type TaskView } from '../task-view.js';

/** Overdue tasks the actor may see, earliest due first. */
export class GetOverdueTasksQuery extends Query<TaskView[]> {
  constructor(
    readonly actor: Actor,
    readonly limit = 20,
  ) {
    super();
  }
}

/** Depends on ports only: testable without a database, indifferent to where tasks live. */
@QueryHandler(GetOverdueTasksQuery)
export class GetOverdueTasksHandler implements IQueryHandler<GetOverdueTasksQuery> {
  constructor(
    @Inject(OVERDUE_TASK_READER) private readonly overdue: OverdueTaskReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ actor, limit }: GetOverdueTasksQuery): Promise<TaskView[]> {
    const visibleTo = actor.role === UserRole.MEMBER ? actor.id : undefined;
    const tasks = await this.overdue.findOverdue({ now: this.clock.now(), visibleTo, limit });
    return tasks.map(toTaskView);
  }
}
