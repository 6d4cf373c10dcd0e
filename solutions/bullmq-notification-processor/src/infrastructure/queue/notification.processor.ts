import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Notification, NotificationSender } from '../../application/ports/notification-queue.port.js';
import { notificationSchema, type QueueLogger } from './notification.schema.js';

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
  const worker = new Worker<Notification>(deps.queueName, (job) => processNotification(job, deps.sender), {
    connection: deps.connection,
    prefix: deps.prefix,
  });
  worker.on('failed', (job, error) => {
    if (!job) return;
    const final = error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    if (final) {
      deps.logger.error(`Notification job ${job.id} (${job.name}) failed for good after ${job.attemptsMade} attempt(s): ${error.message}`);
    }
  });
  // Without a listener a lost connection becomes an unhandled 'error' event.
  worker.on('error', (error) => deps.logger.error(`Notification worker: ${error.message}`));
  return worker;
}

async function processNotification(job: Job<Notification>, sender: NotificationSender): Promise<void> {
  const parsed = notificationSchema.safeParse(job.data);
  if (!parsed.success) {
    // Retrying cannot repair a malformed job: fail it now instead of burning attempts.
    throw new UnrecoverableError(`malformed notification: ${parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ')}`);
  }
  try {
    await sender.send(parsed.data);
  } catch (error) {
    if (error instanceof PermanentDeliveryError) throw new UnrecoverableError(error.message);
    throw error; // transient: BullMQ retries with the job's backoff
  }
}
