import { Inject, Logger } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { TASK_EVENTS, type AnyTaskEvent } from '../../domain/task/task.events.js';
import { AUDIT_LOG, type AuditLog } from '../ports/audit-log.port.js';

/** Writes one audit entry per task change. */
@EventsHandler(...TASK_EVENTS)
export class TaskAuditHandler implements IEventHandler<AnyTaskEvent> {
  private readonly logger = new Logger(TaskAuditHandler.name);

  constructor(@Inject(AUDIT_LOG) private readonly audit: AuditLog) {}

  async handle(event: AnyTaskEvent): Promise<void> {
    try {
      await this.audit.record({
        action: event.type,
        actorId: event.actorId,
        subject: `task:${event.taskId}`,
        at: event.occurredAt,
        data: { status: event.task.status, assigneeId: event.task.assigneeId },
      });
    } catch (error) {
      this.logger.error(`Could not audit ${event.type} for task ${event.taskId}: ${String(error)}`);
    }
  }
}
