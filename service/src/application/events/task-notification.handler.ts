import { Inject, Logger } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { TaskAssignedEvent, TaskCompletedEvent } from '../../domain/task/task.events.js';
import { NOTIFICATION_QUEUE, type Notification, type NotificationQueue } from '../ports/notification-queue.port.js';

/**
 * Tells people about changes that concern them: the assignee when they receive a task, the
 * creator when someone else completes it. Only enqueues; delivery and retries are the queue's job.
 */
@EventsHandler(TaskAssignedEvent, TaskCompletedEvent)
export class TaskNotificationHandler implements IEventHandler<TaskAssignedEvent | TaskCompletedEvent> {
  private readonly logger = new Logger(TaskNotificationHandler.name);

  constructor(@Inject(NOTIFICATION_QUEUE) private readonly queue: NotificationQueue) {}

  async handle(event: TaskAssignedEvent | TaskCompletedEvent): Promise<void> {
    const notification = notificationFor(event);
    if (!notification) return;
    // Nothing awaits an event handler and no exception filter sees its errors: the EventBus would
    // only log a generic "unhandled exception" line, so the handler logs the loss with the task id.
    try {
      await this.queue.enqueue(notification);
    } catch (error) {
      this.logger.error(`Could not enqueue ${notification.kind} for task ${event.taskId}: ${String(error)}`);
    }
  }
}

/** The notification an event calls for, or null when nobody needs one (you acted yourself). */
export function notificationFor(event: TaskAssignedEvent | TaskCompletedEvent): Notification | null {
  const { task, actorId } = event;
  if (event instanceof TaskAssignedEvent) {
    if (!task.assigneeId || task.assigneeId === actorId) return null;
    return {
      kind: 'task.assigned',
      recipientId: task.assigneeId,
      taskId: task.id,
      subject: `You were assigned "${task.title}"`,
      body: `Task "${task.title}" is now yours${task.dueDate ? `, due ${task.dueDate.toISOString()}` : ''}.`,
    };
  }
  if (task.creatorId === actorId) return null;
  return {
    kind: 'task.completed',
    recipientId: task.creatorId,
    taskId: task.id,
    subject: `"${task.title}" was completed`,
    body: `Task "${task.title}", which you created, was completed.`,
  };
}
