import { Inject } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { Task } from '../../domain/task/task.entity.js';
import { TaskCreatedEvent } from '../../domain/task/task.events.js';
import { TASK_REPOSITORY, type TaskRepository } from '../../domain/task/task.repository.js';
import { CLOCK, type Clock } from '../ports/clock.port.js';
import { toTaskView, type TaskView } from '../task-view.js';
import { CreateTaskCommand } from './create-task.command.js';

@CommandHandler(CreateTaskCommand)
export class CreateTaskHandler implements ICommandHandler<CreateTaskCommand> {
  constructor(
    @Inject(TASK_REPOSITORY) private readonly tasks: TaskRepository,
    @Inject(EventBus) private readonly events: EventBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, actor }: CreateTaskCommand): Promise<TaskView> {
    // TODO:
    // 1. Build the task with Task.create(...): the actor is its creator, the clock gives "now".
    // 2. Save it through the repository port.
    // 3. Publish a TaskCreatedEvent (task props, actor id, now) — only once the save succeeded.
    // 4. Return the task as a TaskView (toTaskView).
    void [input, actor, Task, TaskCreatedEvent, toTaskView, this.tasks, this.events, this.clock];
    throw new Error('CreateTaskHandler.execute() is not implemented yet');
  }
}
