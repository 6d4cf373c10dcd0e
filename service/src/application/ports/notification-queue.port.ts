/** A message for one user, delivered in the background (e-mail in production, a log here). */
export interface Notification {
  kind: 'task.assigned' | 'task.completed';
  recipientId: string;
  taskId: string;
  subject: string;
  body: string;
}

/**
 * The producer side of the notification queue: enqueue returns as soon as the job is stored.
 * Delivery is retried (3 attempts, exponential backoff) and final failures are logged.
 */
export interface NotificationQueue {
  enqueue(notification: Notification): Promise<void>;
  /** Resolves when the queue answers; rejects with a message naming what is wrong. */
  ping?(): Promise<void>;
}

export const NOTIFICATION_QUEUE = Symbol('NOTIFICATION_QUEUE');

/** The consumer side: actually delivers one notification; throwing means "retry later". */
export interface NotificationSender {
  send(notification: Notification): Promise<void>;
}

export const NOTIFICATION_SENDER = Symbol('NOTIFICATION_SENDER');

/** Retry policy shared by both queue adapters, so they behave the same. */
export const NOTIFICATION_RETRY = { attempts: 3, backoffMs: 200 } as const;
