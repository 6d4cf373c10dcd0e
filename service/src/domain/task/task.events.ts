import type { TaskProps } from './task.entity.js';

/**
 * What happened to a task. Each event carries a snapshot of the task after the change, so
 * listeners (cache, notifications, WebSocket, audit) never have to load it again, and the id of
 * the user who acted.
 */
abstract class TaskEvent {
  constructor(
    readonly task: TaskProps,
    readonly actorId: string,
    readonly occurredAt: Date = new Date(),
  ) {}

  get taskId(): string {
    return this.task.id;
  }
}

export class TaskCreatedEvent extends TaskEvent {
  readonly type = 'task.created';
}

export class TaskUpdatedEvent extends TaskEvent {
  readonly type = 'task.updated';
}

export class TaskAssignedEvent extends TaskEvent {
  readonly type = 'task.assigned';

  /** The user who received the task (the same as `task.assigneeId`). */
  get assigneeId(): string | null {
    return this.task.assigneeId;
  }
}

export class TaskCompletedEvent extends TaskEvent {
  readonly type = 'task.completed';
}

export class TaskDeletedEvent extends TaskEvent {
  readonly type = 'task.deleted';
}

export type AnyTaskEvent =
  | TaskCreatedEvent
  | TaskUpdatedEvent
  | TaskAssignedEvent
  | TaskCompletedEvent
  | TaskDeletedEvent;

/** Every task event class, for handlers that listen to all of them. */
export const TASK_EVENTS = [
  TaskCreatedEvent,
  TaskUpdatedEvent,
  TaskAssignedEvent,
  TaskCompletedEvent,
  TaskDeletedEvent,
] as const;
