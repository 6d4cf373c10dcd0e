import { Inject } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { assertCanChangeTask } from '../../domain/task/task-access.policy.js';
import { TaskUpdatedEvent } from '../../domain/task/task.events.js';
import { TASK_REPOSITORY, type TaskRepository } from '../../domain/task/task.repository.js';
import { CACHE, taskCacheKey, type Cache } from '../ports/cache.port.js';
import { CLOCK, type Clock } from '../ports/clock.port.js';
import { toTaskView, type TaskView } from '../task-view.js';
import { loadTask } from './load-task.js';
import { UpdateTaskCommand } from './update-task.command.js';

@CommandHandler(UpdateTaskCommand)
export class UpdateTaskHandler implements ICommandHandler<UpdateTaskCommand> {
  constructor(
    @Inject(TASK_REPOSITORY) private readonly tasks: TaskRepository,
    @Inject(CACHE) private readonly cache: Cache,
    @Inject(EventBus) private readonly events: EventBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ taskId, changes, actor }: UpdateTaskCommand): Promise<TaskView> {
    const task = await loadTask(this.tasks, taskId);
    assertCanChangeTask(task, actor);
    const now = this.clock.now();
    task.update(changes, now);
    await this.tasks.save(task);
    await this.cache.del(taskCacheKey(taskId));
    this.events.publish(new TaskUpdatedEvent(task.props, actor.id, now));
    return toTaskView(task);
  }
}
