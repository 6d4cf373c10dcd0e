import { Inject } from '@nestjs/common';
import { EventsHandler, Query, QueryHandler, type IEventHandler, type IQueryHandler } from '@nestjs/cqrs';
import { canSeeTask, type TaskOwnership } from '../../domain/task/task-access.policy.js';
import { TASK_EVENTS, TaskDeletedEvent, type AnyTaskEvent } from '../../domain/task/task.events.js';
import { TASK_STATUSES, type TaskStatus } from '../../domain/task/task-status.js';
import type { Actor } from '../../domain/user/actor.js';

export interface BoardCounts {
  total: number;
  byStatus: Record<TaskStatus, number>;
}

/** Counts per status over the tasks `actor` may see, answered from the read model. */
export class GetTaskBoardCountsQuery extends Query<BoardCounts> {
  constructor(readonly actor: Actor) {
    super();
  }
}

type BoardRow = TaskOwnership & { status: TaskStatus };

/**
 * The read model: the latest snapshot of every task, keyed by id. Setting a snapshot is
 * idempotent, so a redelivered or late event cannot skew the counts.
 */
@EventsHandler(...TASK_EVENTS)
export class TaskBoardProjection implements IEventHandler<AnyTaskEvent> {
  private readonly rows = new Map<string, BoardRow>();

  handle(event: AnyTaskEvent): void {
    if (event instanceof TaskDeletedEvent) {
      this.rows.delete(event.taskId);
      return;
    }
    const { id, creatorId, assigneeId, status } = event.task;
    this.rows.set(id, { id, creatorId, assigneeId, status });
  }

  countsFor(actor: Actor): BoardCounts {
    const byStatus = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
    let total = 0;
    for (const row of this.rows.values()) {
      if (!canSeeTask(row, actor)) continue;
      total += 1;
      byStatus[row.status] += 1;
    }
    return { total, byStatus };
  }
}

@QueryHandler(GetTaskBoardCountsQuery)
export class GetTaskBoardCountsHandler implements IQueryHandler<GetTaskBoardCountsQuery> {
  constructor(@Inject(TaskBoardProjection) private readonly board: TaskBoardProjection) {}

  async execute({ actor }: GetTaskBoardCountsQuery): Promise<BoardCounts> {
    return this.board.countsFor(actor);
  }
}
