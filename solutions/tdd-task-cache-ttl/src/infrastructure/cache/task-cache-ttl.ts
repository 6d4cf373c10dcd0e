import {
  COMPLETED_TASK_TTL_SECONDS,
  OPEN_TASK_TTL_SECONDS,
  type TaskCacheTtl,
} from '../../application/ports/task-cache-ttl.port.js';
import { TaskStatus } from '../../domain/task/task-status.js';

/** ±10 %: entries written in the same second expire over a spread of seconds, not all at once. */
const jittered = (seconds: number, random: () => number) => Math.floor(seconds * (0.9 + 0.2 * random()));

export const taskCacheTtl: TaskCacheTtl = (task, now, random) => {
  if (task.status === TaskStatus.COMPLETED) return jittered(COMPLETED_TASK_TTL_SECONDS, random);
  const ttl = jittered(OPEN_TASK_TTL_SECONDS, random);
  // A cached copy must not outlive the due date: "overdue" has to show when it becomes true.
  if (task.dueDate && task.dueDate.getTime() > now.getTime()) {
    const untilDue = Math.ceil((task.dueDate.getTime() - now.getTime()) / 1000);
    return Math.min(ttl, untilDue);
  }
  return ttl;
};
