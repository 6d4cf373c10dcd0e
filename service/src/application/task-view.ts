import { z } from 'zod';
import type { TaskProps } from '../domain/task/task.entity.js';
import { TaskStatus } from '../domain/task/task-status.js';

/**
 * A task as clients see it: dates as ISO strings, ready for JSON. Queries return it, the cache
 * stores it, and the WebSocket gateway sends it, so the three always agree on the shape.
 */
export const taskViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(TaskStatus),
  creatorId: z.string(),
  assigneeId: z.string().nullable(),
  dueDate: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export type TaskView = z.infer<typeof taskViewSchema>;

/** Accepts a Task or its props (a Task's getters have the same names). */
export function toTaskView(task: TaskProps): TaskView {
  return {
    id: task.id,
    title: task.title,
    description: task.description,
    status: task.status,
    creatorId: task.creatorId,
    assigneeId: task.assigneeId,
    dueDate: task.dueDate?.toISOString() ?? null,
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
  };
}
