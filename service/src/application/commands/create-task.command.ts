import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../domain/user/actor.js';
import type { TaskView } from '../task-view.js';

export interface CreateTaskInput {
  title: string;
  description?: string | undefined;
  dueDate?: Date | null | undefined;
}

/** Create a task owned by `actor`. Resolves to the new task. */
export class CreateTaskCommand extends Command<TaskView> {
  constructor(
    readonly input: CreateTaskInput,
    readonly actor: Actor,
  ) {
    super();
  }
}
