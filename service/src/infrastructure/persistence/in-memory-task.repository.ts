import { Task } from '../../domain/task/task.entity.js';
import type { TaskListCriteria, TaskPage, TaskRepository, TaskStats } from '../../domain/task/task.repository.js';
import { TASK_STATUSES, TaskStatus } from '../../domain/task/task-status.js';

/**
 * Tasks in a Map: for unit tests and exercises that need a repository without a database.
 * It honours the same contract as the Prisma adapter (the contract suite runs against both).
 */
export class InMemoryTaskRepository implements TaskRepository {
  private readonly rows = new Map<string, Task>();

  async findById(id: string): Promise<Task | null> {
    const row = this.rows.get(id);
    // Copies in and out, like a database: callers cannot change stored state without save().
    return row ? Task.restore(row.props) : null;
  }

  async save(task: Task): Promise<void> {
    this.rows.set(task.id, Task.restore(task.props));
  }

  async delete(id: string): Promise<boolean> {
    return this.rows.delete(id);
  }

  async list(criteria: TaskListCriteria): Promise<TaskPage> {
    const { field, direction } = criteria.sort;
    const sign = direction === 'asc' ? 1 : -1;
    const matching = [...this.rows.values()]
      .filter((task) => criteria.status === undefined || task.status === criteria.status)
      .filter((task) => criteria.assigneeId === undefined || task.assigneeId === criteria.assigneeId)
      .filter((task) => criteria.visibleTo === undefined || isVisibleTo(task, criteria.visibleTo))
      .sort((a, b) => compare(a.props[field], b.props[field], sign) || compare(a.id, b.id, 1));
    const start = (criteria.page - 1) * criteria.limit;
    return {
      items: matching.slice(start, start + criteria.limit).map((task) => Task.restore(task.props)),
      total: matching.length,
    };
  }

  async stats({ visibleTo, now }: { visibleTo?: string | undefined; now: Date }): Promise<TaskStats> {
    const byStatus = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
    let total = 0;
    let overdue = 0;
    for (const task of this.rows.values()) {
      if (visibleTo !== undefined && !isVisibleTo(task, visibleTo)) continue;
      total += 1;
      byStatus[task.status] += 1;
      if (task.status !== TaskStatus.COMPLETED && task.dueDate !== null && task.dueDate < now) overdue += 1;
    }
    return { total, byStatus, overdue };
  }
}

function isVisibleTo(task: Task, userId: string): boolean {
  return task.creatorId === userId || task.assigneeId === userId;
}

/**
 * Orders like the Prisma adapter: nulls last in both directions (it asks PostgreSQL for NULLS LAST),
 * dates by time, strings by code point; `sign` is 1 ascending, -1 descending.
 */
function compare(a: string | Date | null, b: string | Date | null, sign: 1 | -1): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  return sign * (x < y ? -1 : x > y ? 1 : 0);
}
