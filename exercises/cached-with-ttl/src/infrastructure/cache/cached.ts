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
  // TODO: nothing is cached yet.
  return (...args: A) => load(...args);
}
