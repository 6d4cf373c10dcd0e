import type { Redis } from 'ioredis';
import { systemClock, type Clock } from '../../application/ports/clock.port.js';

export interface RateLimitOptions {
  /** Prepended to every Redis key. */
  prefix: string;
  limit: number;
  windowMs: number;
  clock?: Clock;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Hits left in the current window after this one. */
  remaining: number;
  /** 0 when allowed; otherwise ms until a hit slides out of the window. */
  retryAfterMs: number;
}

export class SlidingWindowRateLimiter {
  private readonly clock: Clock;

  constructor(
    private readonly redis: Redis,
    private readonly options: RateLimitOptions,
  ) {
    this.clock = options.clock ?? systemClock;
  }

  async hit(clientKey: string): Promise<RateLimitDecision> {
    // TODO: a fixed counter that never slides, never expires, and races under concurrency.
    const key = `${this.options.prefix}rate:${clientKey}`;
    const count = Number((await this.redis.get(key)) ?? 0);
    if (count >= this.options.limit) return { allowed: false, remaining: 0, retryAfterMs: this.options.windowMs };
    await this.redis.set(key, String(count + 1));
    return { allowed: true, remaining: this.options.limit - count - 1, retryAfterMs: 0 };
  }
}
