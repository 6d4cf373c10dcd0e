import { TASK_CACHE_TTL_SECONDS, taskCacheKey, type Cache } from '../../application/ports/cache.port.js';
import { taskViewSchema, toTaskView } from '../../application/task-view.js';
import { Task } from '../../domain/task/task.entity.js';
import type { TaskListCriteria, TaskPage, TaskRepository, TaskStats } from '../../domain/task/task.repository.js';

/** A TaskRepository that keeps the cache in step with every write. */
export class WriteThroughTaskRepository implements TaskRepository {
  constructor(
    private readonly inner: TaskRepository,
    private readonly cache: Cache,
  ) {}

  async findById(id: string): Promise<Task | null> {
    // TODO: serve from the cache when it holds a valid view.
    return this.inner.findById(id);
  }

  async save(task: Task): Promise<void> {
    // TODO: write through to the cache.
    await this.inner.save(task);
  }

  async delete(id: string): Promise<boolean> {
    return this.inner.delete(id);
  }

  list(criteria: TaskListCriteria): Promise<TaskPage> {
    return this.inner.list(criteria);
  }

  stats(filter: { visibleTo?: string | undefined; now: Date }): Promise<TaskStats> {
    return this.inner.stats(filter);
  }
}

// Handy when you rebuild a Task from a cached view.
export { TASK_CACHE_TTL_SECONDS, taskCacheKey, taskViewSchema, toTaskView };
