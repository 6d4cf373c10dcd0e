import type { Redis } from 'ioredis';

export interface IdempotencyOptions {
  prefix: string;
  /** How long a claim lasts if the consumer dies while working. */
  processingTtlMs: number;
  /** How long a handled id is remembered. */
  retentionMs: number;
}

export type Outcome = 'processed' | 'duplicate';

export class IdempotentConsumer {
  constructor(
    private readonly redis: Redis,
    private readonly options: IdempotencyOptions,
  ) {}

  /** Runs `work` once per message id, however often the message is delivered. */
  async handle(messageId: string, work: () => Promise<void>): Promise<Outcome> {
    // TODO: check-then-set races, nothing expires, failures block the id.
    const key = `${this.options.prefix}msg:${messageId}`;
    if (await this.redis.exists(key)) return 'duplicate';
    await this.redis.set(key, 'done');
    await work();
    return 'processed';
  }
}
