import { TaskAuditHandler } from './events/task-audit.handler.js';
import { TaskCacheHandler } from './events/task-cache.handler.js';
import { TaskNotificationHandler } from './events/task-notification.handler.js';
import { TaskRealtimeHandler } from './events/task-realtime.handler.js';
import { AssignTaskHandler } from './commands/assign-task.handler.js';
import { CompleteTaskHandler } from './commands/complete-task.handler.js';
import { CreateTaskHandler } from './commands/create-task.handler.js';
import { DeleteTaskHandler } from './commands/delete-task.handler.js';
import { LogInHandler } from './commands/log-in.handler.js';
import { RegisterUserHandler } from './commands/register-user.handler.js';
import { UpdateTaskHandler } from './commands/update-task.handler.js';
import { GetTaskStatsHandler } from './queries/get-task-stats.handler.js';
import { GetTaskHandler } from './queries/get-task.handler.js';
import { ListTasksHandler } from './queries/list-tasks.handler.js';

/** Every command, query and event handler, for the module's `providers`. */
export const APPLICATION_HANDLERS = [
  RegisterUserHandler,
  LogInHandler,
  CreateTaskHandler,
  UpdateTaskHandler,
  AssignTaskHandler,
  CompleteTaskHandler,
  DeleteTaskHandler,
  GetTaskHandler,
  ListTasksHandler,
  GetTaskStatsHandler,
  TaskNotificationHandler,
  TaskRealtimeHandler,
  TaskAuditHandler,
  TaskCacheHandler,
];
