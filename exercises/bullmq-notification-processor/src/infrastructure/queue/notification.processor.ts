import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Notification, NotificationSender } from '../../application/ports/notification-queue.port.js';
import type { QueueLogger } from './notification.schema.js';

/** The sender throws this when retrying cannot help (unknown address, unsubscribed user). */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

export interface NotificationWorkerDeps {
  connection: Redis;
  prefix: string;
  queueName: string;
  sender: NotificationSender;
  logger: QueueLogger;
}

/** The consumer of the notification queue. */
export function createNotificationWorker(deps: NotificationWorkerDeps): Worker<Notification> {
  // TODO: validate, tell permanent failures from transient ones, log final failures once.
  return new Worker<Notification>(deps.queueName, async (job) => deps.sender.send(job.data), {
    connection: deps.connection,
    prefix: deps.prefix,
  });
}
