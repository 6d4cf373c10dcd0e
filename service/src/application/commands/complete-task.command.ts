import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../domain/user/actor.js';
import type { TaskView } from '../task-view.js';

/** Mark task `taskId` as done. */
export class CompleteTaskCommand extends Command<TaskView> {
  constructor(
    readonly taskId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
