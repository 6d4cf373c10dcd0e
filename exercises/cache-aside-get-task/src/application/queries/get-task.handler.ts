import { Inject, Logger } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError } from '../../domain/shared/domain-error.js';
import { canSeeTask } from '../../domain/task/task-access.policy.js';
import { TASK_REPOSITORY, type TaskRepository } from '../../domain/task/task.repository.js';
import { CACHE, TASK_CACHE_TTL_SECONDS, taskCacheKey, type Cache } from '../ports/cache.port.js';
import { taskViewSchema, toTaskView, type TaskView } from '../task-view.js';
import { GetTaskQuery } from './get-task.query.js';

/**
 * Cache-aside: look in the cache first; on a miss read the database and remember the answer for
 * a while. Writes delete the key, so the TTL only bounds how long a missed invalidation can last.
 */
@QueryHandler(GetTaskQuery)
export class GetTaskHandler implements IQueryHandler<GetTaskQuery> {
  private readonly logger = new Logger(GetTaskHandler.name);

  constructor(
    @Inject(TASK_REPOSITORY) private readonly tasks: TaskRepository,
    @Inject(CACHE) private readonly cache: Cache,
  ) {}

  async execute({ taskId, actor }: GetTaskQuery): Promise<TaskView> {
    // TODO: cache-aside. Today every read goes to the repository. Make it:
    //   1. look in the cache under taskCacheKey(taskId) (validate what comes back: readCache);
    //   2. on a miss, load from the repository and store the view for TASK_CACHE_TTL_SECONDS;
    //   3. check canSeeTask on every read, cached or not.
    void [this.cache, taskCacheKey, TASK_CACHE_TTL_SECONDS, taskViewSchema, this.logger];
    const task = await this.tasks.findById(taskId);
    if (!task) throw new DomainError('TASK.NOT_FOUND', `Task ${taskId} does not exist.`);
    const view = toTaskView(task);
    if (!canSeeTask(view, actor)) {
      throw new DomainError('TASK.FORBIDDEN', `User ${actor.id} may not see task ${taskId}.`);
    }
    return view;
  }
}
