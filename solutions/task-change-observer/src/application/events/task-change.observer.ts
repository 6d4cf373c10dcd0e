import { Inject, Logger } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import {
  TaskAssignedEvent,
  TaskCompletedEvent,
  TaskDeletedEvent,
  TaskUpdatedEvent,
} from '../../domain/task/task.events.js';
import { CACHE, taskCacheKey, type Cache } from '../ports/cache.port.js';
import {
  REALTIME_BROADCASTER,
  type RealtimeBroadcaster,
  type RealtimeTaskEventName,
} from '../ports/realtime-broadcaster.port.js';
import { toTaskView } from '../task-view.js';

/** Every cached task list starts with this prefix. */
export const TASK_LIST_CACHE_PREFIX = 'tasks:list:';

type ObservedEvent = TaskUpdatedEvent | TaskAssignedEvent | TaskCompletedEvent | TaskDeletedEvent;

/** Keeps caches and connected clients in step with task changes; never throws. */
@EventsHandler(TaskUpdatedEvent, TaskAssignedEvent, TaskCompletedEvent, TaskDeletedEvent)
export class TaskChangeObserver implements IEventHandler<ObservedEvent> {
  private readonly logger = new Logger(TaskChangeObserver.name);

  constructor(
    @Inject(CACHE) private readonly cache: Cache,
    @Inject(REALTIME_BROADCASTER) private readonly realtime: RealtimeBroadcaster,
  ) {}

  async handle(event: ObservedEvent): Promise<void> {
    // Two independent reactions: a failure in one must not cancel the other.
    try {
      await this.cache.del(taskCacheKey(event.taskId));
      await this.cache.delByPrefix?.(TASK_LIST_CACHE_PREFIX);
    } catch (error) {
      this.logger.error(`Could not invalidate the cache for task ${event.taskId}: ${String(error)}`);
    }
    try {
      const { creatorId, assigneeId } = event.task;
      const audience = [...new Set([creatorId, assigneeId])].filter((id): id is string => id !== null);
      this.realtime.broadcast(realtimeName(event), toTaskView(event.task), audience);
    } catch (error) {
      this.logger.error(`Could not broadcast ${event.type} for task ${event.taskId}: ${String(error)}`);
    }
  }
}

function realtimeName(event: ObservedEvent): RealtimeTaskEventName {
  if (event instanceof TaskDeletedEvent) return 'task:deleted';
  if (event instanceof TaskCompletedEvent) return 'task:completed';
  return 'task:updated';
}
