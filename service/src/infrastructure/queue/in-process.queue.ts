import { setTimeout as sleep } from 'node:timers/promises';
import {
  NOTIFICATION_RETRY,
  type Notification,
  type NotificationQueue,
  type NotificationSender,
} from '../../application/ports/notification-queue.port.js';
import { backoffDelay, type QueueLogger } from './notification.schema.js';

export interface InProcessQueueOptions {
  attempts?: number;
  backoffMs?: number;
}

/**
 * The queue used without Redis: jobs run in this process, with the same retry policy as BullMQ
 * (3 attempts, exponential backoff, final failure logged). Jobs are lost if the process dies —
 * acceptable for development, which is why production sets REDIS_URL.
 */
export class InProcessNotificationQueue implements NotificationQueue {
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;
  private readonly attempts: number;
  private readonly backoffMs: number;

  constructor(
    private readonly sender: NotificationSender,
    private readonly logger: QueueLogger,
    options: InProcessQueueOptions = {},
  ) {
    this.attempts = options.attempts ?? NOTIFICATION_RETRY.attempts;
    this.backoffMs = options.backoffMs ?? NOTIFICATION_RETRY.backoffMs;
  }

  async enqueue(notification: Notification): Promise<void> {
    if (this.closed) throw new Error('The notification queue is closed (the service is shutting down).');
    const job = this.deliver(structuredClone(notification)).finally(() => this.inFlight.delete(job));
    this.inFlight.add(job);
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('The in-process notification queue is closed.');
  }

  /** Stops accepting jobs and waits for those already accepted (including their retries). */
  async close(): Promise<void> {
    this.closed = true;
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async deliver(notification: Notification): Promise<void> {
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      try {
        await this.sender.send(notification);
        return;
      } catch (error) {
        if (attempt === this.attempts) {
          this.logger.error(
            `Notification ${notification.kind} for task ${notification.taskId} to ${notification.recipientId} failed after ${attempt} attempts: ${String(error)}`,
          );
          return;
        }
        await sleep(backoffDelay(attempt, this.backoffMs));
      }
    }
  }
}
