import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../domain/user/actor.js';
import type { TaskView } from '../task-view.js';

/** One task by id, if `actor` may see it. */
export class GetTaskQuery extends Query<TaskView> {
  constructor(
    readonly taskId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
