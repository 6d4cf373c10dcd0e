import { DomainError } from '../../domain/shared/domain-error.js';
import type { Task } from '../../domain/task/task.entity.js';
import type { TaskRepository } from '../../domain/task/task.repository.js';

/** The task with this id, or DomainError TASK.NOT_FOUND (what every write starts with). */
export async function loadTask(tasks: TaskRepository, taskId: string): Promise<Task> {
  const task = await tasks.findById(taskId);
  if (!task) throw new DomainError('TASK.NOT_FOUND', `Task ${taskId} does not exist.`);
  return task;
}
