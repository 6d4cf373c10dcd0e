import { Inject, Logger } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import {
  TaskAssignedEvent,
  TaskCompletedEvent,
  TaskDeletedEvent,
  TaskUpdatedEvent,
} from '../../domain/task/task.events.js';
import {
  REALTIME_BROADCASTER,
  type RealtimeBroadcaster,
  type RealtimeTaskEventName,
} from '../ports/realtime-broadcaster.port.js';
import { toTaskView } from '../task-view.js';

type ObservedEvent = TaskUpdatedEvent | TaskAssignedEvent | TaskCompletedEvent | TaskDeletedEvent;

/**
 * Tells the people concerned that a task changed. It can run a moment late, so it only does what
 * may run late: the cache was already invalidated by the command, before the caller got its answer.
 */
@EventsHandler(TaskUpdatedEvent, TaskAssignedEvent, TaskCompletedEvent, TaskDeletedEvent)
export class TaskChangeObserver implements IEventHandler<ObservedEvent> {
  private readonly logger = new Logger(TaskChangeObserver.name);

  constructor(@Inject(REALTIME_BROADCASTER) private readonly realtime: RealtimeBroadcaster) {}

  async handle(event: ObservedEvent): Promise<void> {
    // Nothing awaits an event handler: an error that escapes reaches only the EventBus's generic log.
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
