import type { Queue } from 'bullmq';
import { z } from 'zod';

/** The queue transactional e-mails go through (a worker elsewhere sends them over SMTP). */
export const EMAIL_QUEUE_NAME = 'emails';

/** What the producer accepts; validated before anything reaches Redis. */
export const emailSchema = z.object({
  kind: z.enum(['password-reset', 'welcome', 'digest']),
  to: z.email(),
  subject: z.string().min(1).max(200),
  body: z.string(),
});
export type Email = z.infer<typeof emailSchema>;

/**
 * Delivery policy per kind. BullMQ serves LOWER priority numbers first, so a password reset
 * (someone is waiting at a login screen) overtakes a backlog of digests.
 */
export const EMAIL_POLICY = {
  'password-reset': { priority: 1, attempts: 5 },
  welcome: { priority: 5, attempts: 3 },
  digest: { priority: 10, attempts: 2 },
} as const satisfies Record<Email['kind'], { priority: number; attempts: number }>;

/** First retry after 1 s, then 2 s, 4 s… (exponential backoff). */
export const EMAIL_BACKOFF_MS = 1000;

export interface SendOptions {
  /** Deliver no earlier than this; in the past or absent means now. */
  sendAt?: Date | undefined;
  /** The current time (injected so tests can pin it). */
  now?: Date | undefined;
}

export class EmailProducer {
  constructor(private readonly queue: Queue<Email>) {}

  /** Validates `email` and adds one job to the queue; resolves to the job id. */
  async send(email: Email, options: SendOptions = {}): Promise<string> {
    const valid = emailSchema.parse(email);
    const { priority, attempts } = EMAIL_POLICY[valid.kind];
    const now = options.now ?? new Date();
    const delay = options.sendAt ? Math.max(0, options.sendAt.getTime() - now.getTime()) : 0;
    const job = await this.queue.add(valid.kind, valid, {
      priority,
      attempts,
      backoff: { type: 'exponential', delay: EMAIL_BACKOFF_MS },
      ...(delay > 0 && { delay }),
      // Keep Redis small: sent e-mails go, a bounded history of failures stays for inspection.
      removeOnComplete: true,
      removeOnFail: 1000,
    });
    if (job.id === undefined) throw new Error('BullMQ returned a job without an id');
    return job.id;
  }
}
