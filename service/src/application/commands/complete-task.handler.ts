import { Inject } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { assertCanChangeTask } from '../../domain/task/task-access.policy.js';
import { TaskCompletedEvent } from '../../domain/task/task.events.js';
import { TASK_REPOSITORY, type TaskRepository } from '../../domain/task/task.repository.js';
import { CACHE, taskCacheKey, type Cache } from '../ports/cache.port.js';
import { CLOCK, type Clock } from '../ports/clock.port.js';
import { toTaskView, type TaskView } from '../task-view.js';
import { CompleteTaskCommand } from './complete-task.command.js';
import { loadTask } from './load-task.js';

@CommandHandler(CompleteTaskCommand)
export class CompleteTaskHandler implements ICommandHandler<CompleteTaskCommand> {
  constructor(
    @Inject(TASK_REPOSITORY) private readonly tasks: TaskRepository,
    @Inject(CACHE) private readonly cache: Cache,
    @Inject(EventBus) private readonly events: EventBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ taskId, actor }: CompleteTaskCommand): Promise<TaskView> {
    const task = await loadTask(this.tasks, taskId);
    assertCanChangeTask(task, actor);
    const now = this.clock.now();
    task.complete(now); // throws TASK.ALREADY_COMPLETED: the rule lives in the entity
    await this.tasks.save(task);
    await this.cache.del(taskCacheKey(taskId));
    this.events.publish(new TaskCompletedEvent(task.props, actor.id, now));
    return toTaskView(task);
  }
}
