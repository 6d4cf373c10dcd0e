import { Task } from '../../domain/task/task.entity.js';
import type { Task as TaskRow } from '../../generated/prisma/client.js';

/** Database row → aggregate. Rows were valid when written, so restore() skips validation. */
export function taskFromRow(row: TaskRow): Task {
  return Task.restore({
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status,
    creatorId: row.creatorId,
    assigneeId: row.assigneeId,
    dueDate: row.dueDate,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
}

/** Aggregate → row: the same fields, so the mapping is explicit rather than a spread that hides drift. */
export function taskToRow(task: Task): TaskRow {
  const p = task.props;
  return {
    id: p.id,
    title: p.title,
    description: p.description,
    status: p.status,
    creatorId: p.creatorId,
    assigneeId: p.assigneeId,
    dueDate: p.dueDate,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}
