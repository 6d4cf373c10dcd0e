import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../domain/user/actor.js';
import type { TaskView } from '../task-view.js';

/** Give task `taskId` to user `assigneeId`; the task moves to IN_PROGRESS. */
export class AssignTaskCommand extends Command<TaskView> {
  constructor(
    readonly taskId: string,
    readonly assigneeId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
