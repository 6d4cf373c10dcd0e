import { TASK_CACHE_TTL_SECONDS, taskCacheKey, type Cache } from '../../application/ports/cache.port.js';
import { taskViewSchema, toTaskView, type TaskView } from '../../application/task-view.js';
import { Task } from '../../domain/task/task.entity.js';
import type { TaskListCriteria, TaskPage, TaskRepository, TaskStats } from '../../domain/task/task.repository.js';

/** A TaskRepository that keeps the cache in step with every write. */
export class WriteThroughTaskRepository implements TaskRepository {
  constructor(
    private readonly inner: TaskRepository,
    private readonly cache: Cache,
  ) {}

  async findById(id: string): Promise<Task | null> {
    const cached = taskViewSchema.safeParse(await this.cache.get(taskCacheKey(id)));
    if (cached.success) return fromView(cached.data);
    const task = await this.inner.findById(id);
    if (task) await this.cache.set(taskCacheKey(id), toTaskView(task), TASK_CACHE_TTL_SECONDS);
    return task;
  }

  async save(task: Task): Promise<void> {
    // Database first: if it refuses the write, the cache must not claim it happened.
    await this.inner.save(task);
    await this.cache.set(taskCacheKey(task.id), toTaskView(task), TASK_CACHE_TTL_SECONDS);
  }

  async delete(id: string): Promise<boolean> {
    const removed = await this.inner.delete(id);
    await this.cache.del(taskCacheKey(id));
    return removed;
  }

  list(criteria: TaskListCriteria): Promise<TaskPage> {
    return this.inner.list(criteria);
  }

  stats(filter: { visibleTo?: string | undefined; now: Date }): Promise<TaskStats> {
    return this.inner.stats(filter);
  }
}

function fromView(view: TaskView): Task {
  return Task.restore({
    ...view,
    dueDate: view.dueDate === null ? null : new Date(view.dueDate),
    createdAt: new Date(view.createdAt),
    updatedAt: new Date(view.updatedAt),
  });
}

// Handy when you rebuild a Task from a cached view.
export { TASK_CACHE_TTL_SECONDS, taskCacheKey, taskViewSchema, toTaskView };
