import { randomUUID } from 'node:crypto';
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

// Runs atomically inside Redis: no other hit can slip between the count and the add.
const SLIDING_WINDOW = `
local key, now, window, limit, member = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
if count < limit then
  redis.call('ZADD', key, now, member)
  redis.call('PEXPIRE', key, window)
  return {1, limit - count - 1, 0}
end
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
return {0, 0, tonumber(oldest[2]) + window - now}
`;

/** A sliding-window log per client in a Redis sorted set, shared by every instance. */
export class SlidingWindowRateLimiter {
  private readonly clock: Clock;

  constructor(
    private readonly redis: Redis,
    private readonly options: RateLimitOptions,
  ) {
    this.clock = options.clock ?? systemClock;
  }

  async hit(clientKey: string): Promise<RateLimitDecision> {
    const { prefix, limit, windowMs } = this.options;
    const now = this.clock.now().getTime();
    // Unique member: two hits in the same millisecond must count twice.
    const member = `${now}:${randomUUID()}`;
    const [allowed, remaining, retryAfterMs] = (await this.redis.eval(SLIDING_WINDOW, 1, `${prefix}rate:${clientKey}`, now, windowMs, limit, member)) as [number, number, number];
    return { allowed: allowed === 1, remaining, retryAfterMs };
  }
}
