import { Inject, Logger } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { TASK_EVENTS, type AnyTaskEvent } from '../../domain/task/task.events.js';
import { CACHE, taskCacheKey, type Cache } from '../ports/cache.port.js';

/**
 * Deletes the cached task a second time, after the write. The command handler already deleted it
 * before answering; this catches the cache-aside race where a read that loaded the old row just
 * before the save puts it back into the cache just after the first delete ("double delete").
 */
@EventsHandler(...TASK_EVENTS)
export class TaskCacheHandler implements IEventHandler<AnyTaskEvent> {
  private readonly logger = new Logger(TaskCacheHandler.name);

  constructor(@Inject(CACHE) private readonly cache: Cache) {}

  async handle(event: AnyTaskEvent): Promise<void> {
    try {
      await this.cache.del(taskCacheKey(event.taskId));
    } catch (error) {
      // The TTL bounds how long a stale entry can live if this fails too.
      this.logger.warn(`Could not invalidate ${taskCacheKey(event.taskId)}: ${String(error)}`);
    }
  }
}
