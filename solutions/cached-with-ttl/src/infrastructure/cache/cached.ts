import type { z } from 'zod';
import type { Cache } from '../../application/ports/cache.port.js';

export interface CachedOptions<A extends unknown[], R> {
  cache: Cache;
  ttlSeconds: number;
  /** The cache key for one call's arguments. */
  key: (...args: A) => string;
  /** What a valid cached result looks like; anything else is a miss. */
  schema: z.ZodType<R>;
}

/** `load` with its results cached for `ttlSeconds`, keyed by `key(...args)`. */
export function cached<A extends unknown[], R>(load: (...args: A) => Promise<R>, options: CachedOptions<A, R>): (...args: A) => Promise<R> {
  const { cache, ttlSeconds, key, schema } = options;
  if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError(`cached(): ttlSeconds must be a positive number of seconds; got ${ttlSeconds}.`);
  }
  return async (...args: A): Promise<R> => {
    const cacheKey = key(...args);
    const hit = schema.safeParse(await cache.get(cacheKey));
    if (hit.success) return hit.data;
    // A throwing load skips the set below: failures are never cached.
    const value = await load(...args);
    await cache.set(cacheKey, value, ttlSeconds);
    return value;
  };
}
