import { Inject } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '../../domain/shared/domain-error.js';
import { assertCanChangeTask } from '../../domain/task/task-access.policy.js';
import { TaskAssignedEvent } from '../../domain/task/task.events.js';
import { TASK_REPOSITORY, type TaskRepository } from '../../domain/task/task.repository.js';
import { USER_REPOSITORY, type UserRepository } from '../../domain/user/user.repository.js';
import { CACHE, taskCacheKey, type Cache } from '../ports/cache.port.js';
import { CLOCK, type Clock } from '../ports/clock.port.js';
import { toTaskView, type TaskView } from '../task-view.js';
import { AssignTaskCommand } from './assign-task.command.js';
import { loadTask } from './load-task.js';

@CommandHandler(AssignTaskCommand)
export class AssignTaskHandler implements ICommandHandler<AssignTaskCommand> {
  constructor(
    @Inject(TASK_REPOSITORY) private readonly tasks: TaskRepository,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(CACHE) private readonly cache: Cache,
    @Inject(EventBus) private readonly events: EventBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ taskId, assigneeId, actor }: AssignTaskCommand): Promise<TaskView> {
    const task = await loadTask(this.tasks, taskId);
    assertCanChangeTask(task, actor);
    if (!(await this.users.findById(assigneeId))) {
      throw new DomainError('USER.NOT_FOUND', `Cannot assign task ${taskId}: user ${assigneeId} does not exist.`);
    }
    const now = this.clock.now();
    task.assign(assigneeId, now);
    await this.tasks.save(task);
    // Invalidate before answering: publish() does not await event handlers, so a delete left to
    // them could land after we return, and the caller's next GET must not see the old copy.
    await this.cache.del(taskCacheKey(taskId));
    this.events.publish(new TaskAssignedEvent(task.props, actor.id, now));
    return toTaskView(task);
  }
}
