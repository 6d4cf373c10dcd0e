import { Inject } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { assertCanChangeTask } from '../../domain/task/task-access.policy.js';
import { TaskDeletedEvent } from '../../domain/task/task.events.js';
import { TASK_REPOSITORY, type TaskRepository } from '../../domain/task/task.repository.js';
import { CACHE, taskCacheKey, type Cache } from '../ports/cache.port.js';
import { CLOCK, type Clock } from '../ports/clock.port.js';
import { DeleteTaskCommand } from './delete-task.command.js';
import { loadTask } from './load-task.js';

@CommandHandler(DeleteTaskCommand)
export class DeleteTaskHandler implements ICommandHandler<DeleteTaskCommand> {
  constructor(
    @Inject(TASK_REPOSITORY) private readonly tasks: TaskRepository,
    @Inject(CACHE) private readonly cache: Cache,
    @Inject(EventBus) private readonly events: EventBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ taskId, actor }: DeleteTaskCommand): Promise<void> {
    const task = await loadTask(this.tasks, taskId);
    assertCanChangeTask(task, actor);
    await this.tasks.delete(taskId);
    await this.cache.del(taskCacheKey(taskId));
    this.events.publish(new TaskDeletedEvent(task.props, actor.id, this.clock.now()));
  }
}
