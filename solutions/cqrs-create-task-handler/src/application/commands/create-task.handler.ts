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
    const now = this.clock.now();
    const task = Task.create({ ...input, creatorId: actor.id, now });
    await this.tasks.save(task);
    // Published only after the save succeeded: listeners may rely on the task existing.
    this.events.publish(new TaskCreatedEvent(task.props, actor.id, now));
    return toTaskView(task);
  }
}
