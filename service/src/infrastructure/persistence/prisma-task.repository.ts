import { Task } from '../../domain/task/task.entity.js';
import type { TaskListCriteria, TaskPage, TaskRepository, TaskStats } from '../../domain/task/task.repository.js';
import { TASK_STATUSES, TaskStatus } from '../../domain/task/task-status.js';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { taskFromRow, taskToRow } from './prisma-task.mapper.js';

/** Tasks in PostgreSQL (or PGlite) through Prisma. */
export class PrismaTaskRepository implements TaskRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async findById(id: string): Promise<Task | null> {
    const row = await this.prisma.task.findUnique({ where: { id } });
    return row ? taskFromRow(row) : null;
  }

  /** Insert or update in one statement, so two saves of a new task cannot both try to insert. */
  async save(task: Task): Promise<void> {
    const { id, createdAt: _createdAt, ...changes } = taskToRow(task);
    await this.prisma.task.upsert({ where: { id }, create: taskToRow(task), update: changes });
  }

  async delete(id: string): Promise<boolean> {
    const { count } = await this.prisma.task.deleteMany({ where: { id } });
    return count > 0;
  }

  async list(criteria: TaskListCriteria): Promise<TaskPage> {
    const where = whereFor(criteria);
    const { field, direction } = criteria.sort;
    // Ties broken by id so pages never repeat or skip a task when sort values are equal. The page
    // and the count run side by side on two pooled connections rather than in one transaction:
    // a count that is one write behind is acceptable for pagination and halves the latency.
    const [rows, total] = await Promise.all([
      this.prisma.task.findMany({
        where,
        orderBy: [{ [field]: field === 'dueDate' ? { sort: direction, nulls: 'last' } : direction }, { id: 'asc' }],
        skip: (criteria.page - 1) * criteria.limit,
        take: criteria.limit,
      }),
      this.prisma.task.count({ where }),
    ]);
    return { items: rows.map(taskFromRow), total };
  }

  async stats({ visibleTo, now }: { visibleTo?: string | undefined; now: Date }): Promise<TaskStats> {
    const where = whereFor({ visibleTo });
    const [groups, overdue] = await Promise.all([
      this.prisma.task.groupBy({ by: ['status'], where, _count: { _all: true }, orderBy: { status: 'asc' } }),
      this.prisma.task.count({ where: { ...where, status: { not: TaskStatus.COMPLETED }, dueDate: { lt: now } } }),
    ]);
    const byStatus = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
    for (const group of groups) {
      const count = group._count;
      byStatus[group.status] = typeof count === 'object' ? (count._all ?? 0) : 0;
    }
    const total = Object.values(byStatus).reduce((sum, n) => sum + n, 0);
    return { total, byStatus, overdue };
  }
}

function whereFor(criteria: Partial<TaskListCriteria>): Prisma.TaskWhereInput {
  return {
    ...(criteria.status !== undefined && { status: criteria.status }),
    ...(criteria.assigneeId !== undefined && { assigneeId: criteria.assigneeId }),
    ...(criteria.visibleTo !== undefined && {
      OR: [{ creatorId: criteria.visibleTo }, { assigneeId: criteria.visibleTo }],
    }),
  };
}
