import type { Redis } from 'ioredis';

export interface IdempotencyOptions {
  prefix: string;
  /** How long a claim lasts if the consumer dies while working. */
  processingTtlMs: number;
  /** How long a handled id is remembered. */
  retentionMs: number;
}

export type Outcome = 'processed' | 'duplicate';

/** Exactly-once effect over at-least-once delivery: one atomic claim per message id. */
export class IdempotentConsumer {
  constructor(
    private readonly redis: Redis,
    private readonly options: IdempotencyOptions,
  ) {}

  /** Runs `work` once per message id, however often the message is delivered. */
  async handle(messageId: string, work: () => Promise<void>): Promise<Outcome> {
    const key = `${this.options.prefix}msg:${messageId}`;
    // NX: exactly one concurrent copy wins the claim; PX: a crashed consumer's claim expires.
    const claimed = await this.redis.set(key, 'processing', 'PX', this.options.processingTtlMs, 'NX');
    if (claimed !== 'OK') return 'duplicate';
    try {
      await work();
    } catch (error) {
      await this.redis.del(key); // let a redelivery try again
      throw error;
    }
    await this.redis.set(key, 'done', 'PX', this.options.retentionMs);
    return 'processed';
  }
}
