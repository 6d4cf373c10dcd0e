import { Queue, Worker, type Job } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import {
  NOTIFICATION_RETRY,
  type Notification,
  type NotificationQueue,
  type NotificationSender,
} from '../../application/ports/notification-queue.port.js';
import { notificationSchema, type QueueLogger } from './notification.schema.js';

export const NOTIFICATION_QUEUE_NAME = 'notifications';

export interface BullMqQueueOptions {
  redisUrl: string;
  /** BullMQ key prefix; distinct per environment (and per test run) sharing one Redis. */
  prefix?: string;
  attempts?: number;
  backoffMs?: number;
  /** Start a worker in this process (default). A producer-only process passes false. */
  runWorker?: boolean;
}

/**
 * Notifications on BullMQ: jobs survive restarts and are retried with exponential backoff.
 * This class is both producer (enqueue) and, unless told otherwise, consumer (the worker).
 */
export class BullMqNotificationQueue implements NotificationQueue {
  private readonly queue: Queue<Notification>;
  private readonly worker: Worker<Notification> | undefined;
  private readonly connections: Redis[] = [];
  private readonly producerConnection: Redis;

  constructor(
    private readonly sender: NotificationSender,
    private readonly logger: QueueLogger,
    private readonly options: BullMqQueueOptions,
  ) {
    const prefix = options.prefix ?? 'workbook:bull';
    const attempts = options.attempts ?? NOTIFICATION_RETRY.attempts;
    // The producer fails fast while Redis is away (no offline queue): enqueue rejects and the
    // event handler logs it, instead of calls piling up in memory until Redis returns.
    this.producerConnection = this.connect({ enableOfflineQueue: false });
    this.queue = new Queue<Notification>(NOTIFICATION_QUEUE_NAME, {
      connection: this.producerConnection,
      prefix,
      defaultJobOptions: {
        attempts,
        backoff: { type: 'exponential', delay: options.backoffMs ?? NOTIFICATION_RETRY.backoffMs },
        // Keep Redis small: finished jobs go, a bounded history of failures stays for inspection.
        removeOnComplete: true,
        removeOnFail: 1000,
      },
    });
    // BullMQ prints unhandled 'error' events itself; route them through our logger instead.
    this.queue.on('error', (error) => this.logger.error(`Notification queue: ${error.message}`));
    if (options.runWorker !== false) {
      this.worker = new Worker<Notification>(NOTIFICATION_QUEUE_NAME, (job) => this.process(job), {
        connection: this.connect(),
        prefix,
        concurrency: 5,
      });
      this.worker.on('failed', (job, error) => {
        if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
          this.logger.error(
            `Notification ${job.data.kind} for task ${job.data.taskId} to ${job.data.recipientId} failed after ${job.attemptsMade} attempts: ${String(error)}`,
          );
        }
      });
      // Without a listener, a lost connection would surface as an unhandled 'error' event.
      this.worker.on('error', (error) => this.logger.error(`Notification worker: ${error.message}`));
    }
  }

  async enqueue(notification: Notification): Promise<void> {
    await this.queue.add(notification.kind, notification);
  }

  async ping(): Promise<void> {
    await this.producerConnection.ping();
  }

  /** Waits for the worker's active jobs, then closes the queue and the Redis connections. */
  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
    await Promise.all(this.connections.map((c) => c.quit().catch(() => c.disconnect())));
  }

  private async process(job: Job<Notification>): Promise<void> {
    const parsed = notificationSchema.safeParse(job.data);
    if (!parsed.success) {
      // Retrying cannot fix a malformed job: discard it loudly instead of burning attempts.
      this.logger.error(`Discarding malformed notification job ${job.id}: ${parsed.error.message}`);
      return;
    }
    await this.sender.send(parsed.data);
  }

  private connect(extra: RedisOptions = {}): Redis {
    // BullMQ requires maxRetriesPerRequest: null (its blocking commands must not time out).
    const connection = new Redis(this.options.redisUrl, { maxRetriesPerRequest: null, ...extra });
    connection.on('error', () => undefined); // reported through ping() and the worker instead
    this.connections.push(connection);
    return connection;
  }
}
