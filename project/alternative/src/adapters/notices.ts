import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { CompletionNotices } from '../app/ports.js';
import type { Task } from '../core/task.js';

export const QUEUE = 'notifications';

export interface NoticeData {
  taskId: string;
  recipientId: string;
  completedBy: string;
  title: string;
}

/** BullMQ queue "notifications" (prefix `<REDIS_PREFIX>bull`) and the worker that delivers its jobs. */
export class BullNotices implements CompletionNotices {
  private readonly queue: Queue<NoticeData>;
  private readonly worker: Worker<NoticeData>;
  private readonly connections: Redis[];

  constructor(url: string, prefix: string, deliver: (data: NoticeData) => Promise<void> = async () => {}) {
    const forQueue = new Redis(url, { maxRetriesPerRequest: null });
    const forWorker = new Redis(url, { maxRetriesPerRequest: null });
    this.connections = [forQueue, forWorker];
    const bullPrefix = `${prefix}bull`;
    this.queue = new Queue<NoticeData>(QUEUE, {
      connection: forQueue,
      prefix: bullPrefix,
      defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: 1000 },
    });
    this.worker = new Worker<NoticeData>(QUEUE, (job) => deliver(job.data), {
      connection: forWorker,
      prefix: bullPrefix,
    });
    this.worker.on('error', (error) => console.error('notifications worker:', error.message));
  }

  async taskCompletedBy(task: Task, completerId: string): Promise<void> {
    await this.queue.add('task.completed', {
      taskId: task.id,
      recipientId: task.creatorId,
      completedBy: completerId,
      title: task.title,
    });
  }

  async close(): Promise<void> {
    await this.worker.close();
    await this.queue.close();
    for (const c of this.connections) c.disconnect();
  }
}

export const noNotices: CompletionNotices = { taskCompletedBy: async () => {} };
