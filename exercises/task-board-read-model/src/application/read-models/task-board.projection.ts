import { Inject } from '@nestjs/common';
import { EventsHandler, Query, QueryHandler, type IEventHandler, type IQueryHandler } from '@nestjs/cqrs';
import { TASK_EVENTS, TaskCreatedEvent, type AnyTaskEvent } from '../../domain/task/task.events.js';
import type { TaskStatus } from '../../domain/task/task-status.js';
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

/** The read model: kept up to date by task events. */
@EventsHandler(...TASK_EVENTS)
export class TaskBoardProjection implements IEventHandler<AnyTaskEvent> {
  private counts: BoardCounts = { total: 0, byStatus: { TODO: 0, IN_PROGRESS: 0, COMPLETED: 0 } };

  handle(event: AnyTaskEvent): void {
    // TODO: this only counts creations, for everyone, and counts a redelivered event twice.
    if (event instanceof TaskCreatedEvent) {
      this.counts.total += 1;
      this.counts.byStatus.TODO += 1;
    }
  }

  countsFor(actor: Actor): BoardCounts {
    return this.counts;
  }
}

@QueryHandler(GetTaskBoardCountsQuery)
export class GetTaskBoardCountsHandler implements IQueryHandler<GetTaskBoardCountsQuery> {
  constructor(@Inject(TaskBoardProjection) private readonly board: TaskBoardProjection) {}

  async execute({ actor }: GetTaskBoardCountsQuery): Promise<BoardCounts> {
    return this.board.countsFor(actor);
  }
}
