import { Inject, Logger } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import {
  TaskAssignedEvent,
  TaskCompletedEvent,
  TaskDeletedEvent,
  TaskUpdatedEvent,
} from '../../domain/task/task.events.js';
import { CACHE, taskCacheKey, type Cache } from '../ports/cache.port.js';
import { REALTIME_BROADCASTER, type RealtimeBroadcaster } from '../ports/realtime-broadcaster.port.js';
import { toTaskView } from '../task-view.js';

type ObservedEvent = TaskUpdatedEvent | TaskAssignedEvent | TaskCompletedEvent | TaskDeletedEvent;

@EventsHandler(TaskUpdatedEvent, TaskAssignedEvent, TaskCompletedEvent, TaskDeletedEvent)
export class TaskChangeObserver implements IEventHandler<ObservedEvent> {
  private readonly logger = new Logger(TaskChangeObserver.name);

  constructor(
    @Inject(CACHE) private readonly cache: Cache,
    @Inject(REALTIME_BROADCASTER) private readonly realtime: RealtimeBroadcaster,
  ) {}

  async handle(event: ObservedEvent): Promise<void> {
    // TODO: a first draft. Is the cache this observer's job? Who hears about the change, under
    // which name, and what happens when the broadcaster throws?
    await this.cache.del(taskCacheKey(event.taskId));
    this.realtime.broadcast('task:updated', toTaskView(event.task), [event.task.creatorId]);
  }
}
