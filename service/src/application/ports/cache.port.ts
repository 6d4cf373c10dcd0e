/**
 * A key-value cache with expiry. Values must survive JSON (plain objects, strings, numbers):
 * the Redis adapter stores JSON, and readers validate what comes back (a cache is not trusted).
 */
export interface Cache {
  /** The stored value, or undefined on a miss or after expiry. */
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  del(key: string): Promise<void>;
  /** Removes every key that starts with `prefix` (e.g. all cached task lists). */
  delByPrefix?(prefix: string): Promise<void>;
  /** Resolves when the cache answers; rejects with a message naming what is wrong. */
  ping?(): Promise<void>;
}

export const CACHE = Symbol('CACHE');

/** How long a cached task stays fresh if no write invalidates it first. */
export const TASK_CACHE_TTL_SECONDS = 60;

/** The one place the task cache key is spelled, so readers and invalidators agree. */
export function taskCacheKey(taskId: string): string {
  return `task:${taskId}`;
}
