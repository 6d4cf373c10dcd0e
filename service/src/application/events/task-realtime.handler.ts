import { Inject, Logger } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import {
  TASK_EVENTS,
  TaskCompletedEvent,
  TaskCreatedEvent,
  TaskDeletedEvent,
  type AnyTaskEvent,
} from '../../domain/task/task.events.js';
import {
  REALTIME_BROADCASTER,
  type RealtimeBroadcaster,
  type RealtimeTaskEventName,
} from '../ports/realtime-broadcaster.port.js';
import { toTaskView } from '../task-view.js';

/** Pushes every task change to the clients allowed to see the task. */
@EventsHandler(...TASK_EVENTS)
export class TaskRealtimeHandler implements IEventHandler<AnyTaskEvent> {
  private readonly logger = new Logger(TaskRealtimeHandler.name);

  constructor(@Inject(REALTIME_BROADCASTER) private readonly realtime: RealtimeBroadcaster) {}

  handle(event: AnyTaskEvent): void {
    const { task } = event;
    // The creator and the assignee; mentors and admins are added by the gateway.
    const audience = [task.creatorId, task.assigneeId].filter((id): id is string => id !== null);
    try {
      this.realtime.broadcast(realtimeNameOf(event), toTaskView(task), [...new Set(audience)]);
    } catch (error) {
      this.logger.error(`Could not broadcast ${event.type} for task ${task.id}: ${String(error)}`);
    }
  }
}

function realtimeNameOf(event: AnyTaskEvent): RealtimeTaskEventName {
  if (event instanceof TaskCreatedEvent) return 'task:created';
  if (event instanceof TaskCompletedEvent) return 'task:completed';
  if (event instanceof TaskDeletedEvent) return 'task:deleted';
  return 'task:updated'; // updated and assigned both change what clients show
}
