import { Query } from '@nestjs/cqrs';
import type { TaskStats } from '../../domain/task/task.repository.js';
import type { Actor } from '../../domain/user/actor.js';

/** Counts per status (and overdue) over the tasks `actor` may see. */
export class GetTaskStatsQuery extends Query<TaskStats> {
  constructor(readonly actor: Actor) {
    super();
  }
}
