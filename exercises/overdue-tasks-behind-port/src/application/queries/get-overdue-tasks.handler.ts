import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Actor } from '../../domain/user/actor.js';
import { UserRole } from '../../domain/user/user-role.js';
import { DATABASE, type Database } from '../../infrastructure/persistence/database.provider.js';
import { taskFromRow } from '../../infrastructure/persistence/prisma-task.mapper.js';
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

@QueryHandler(GetOverdueTasksQuery)
export class GetOverdueTasksHandler implements IQueryHandler<GetOverdueTasksQuery> {
  // TODO: the use case reaches into the database. Depend on the OverdueTaskReader port instead.
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async execute({ actor, limit }: GetOverdueTasksQuery): Promise<TaskView[]> {
    const member = actor.role === UserRole.MEMBER;
    const rows = await this.db.prisma.task.findMany({
      where: {
        status: { not: 'COMPLETED' },
        dueDate: { lt: new Date() },
        ...(member && { OR: [{ creatorId: actor.id }, { assigneeId: actor.id }] }),
      },
      orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
      take: limit,
    });
    return rows.map((row) => toTaskView(taskFromRow(row).props));
  }
}
