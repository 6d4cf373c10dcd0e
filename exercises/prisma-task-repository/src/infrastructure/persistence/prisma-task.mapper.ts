import { Task } from '../../domain/task/task.entity.js';
import type { Task as TaskRow } from '../../generated/prisma/client.js';

/** Database row → aggregate. Rows were valid when written, so use Task.restore(). TODO: implement. */
export function taskFromRow(row: TaskRow): Task {
  void row;
  void Task;
  throw new Error('taskFromRow() is not implemented yet');
}

/** Aggregate → row: every column of the tasks table. TODO: implement. */
export function taskToRow(task: Task): TaskRow {
  void task;
  throw new Error('taskToRow() is not implemented yet');
}
