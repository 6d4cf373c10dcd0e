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
    const key = taskCacheKey(taskId);
    let view = await this.readCache(key);
    if (!view) {
      const task = await this.tasks.findById(taskId);
      if (!task) throw new DomainError('TASK.NOT_FOUND', `Task ${taskId} does not exist.`);
      view = toTaskView(task);
      await this.cache.set(key, view, TASK_CACHE_TTL_SECONDS);
    }
    // Checked on every read, cached or not: the cache holds tasks, not permissions.
    if (!canSeeTask(view, actor)) {
      throw new DomainError('TASK.FORBIDDEN', `User ${actor.id} may not see task ${taskId}.`);
    }
    return view;
  }

  /** A cached value that no longer fits the schema (an older deploy wrote it) counts as a miss. */
  private async readCache(key: string): Promise<TaskView | undefined> {
    const cached = await this.cache.get(key);
    if (cached === undefined) return undefined;
    const parsed = taskViewSchema.safeParse(cached);
    if (parsed.success) return parsed.data;
    this.logger.warn(`Ignoring malformed cache entry ${key}: ${parsed.error.message}`);
    return undefined;
  }
}
