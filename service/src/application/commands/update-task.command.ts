import { Command } from '@nestjs/cqrs';
import type { TaskChanges } from '../../domain/task/task.entity.js';
import type { Actor } from '../../domain/user/actor.js';
import type { TaskView } from '../task-view.js';

/** Change the title, description or due date of task `taskId`. */
export class UpdateTaskCommand extends Command<TaskView> {
  constructor(
    readonly taskId: string,
    readonly changes: TaskChanges,
    readonly actor: Actor,
  ) {
    super();
  }
}
