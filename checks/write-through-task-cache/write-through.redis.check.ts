import { Redis } from 'ioredis';
import { afterAll, beforeAll, it } from 'vitest';
import { RedisCache } from '../src/infrastructure/cache/redis.cache.js';
import { redisPrefix, redisUrl } from './fixtures.js';
import { makeScenarios } from './write-through.scenarios.js';

let redis: Redis;
let run = 0;
beforeAll(() => {
  redis = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  await redis.quit();
});

const s = makeScenarios(async () => {
  run += 1; // every check gets its own key space
  const prefix = `${redisPrefix()}:wt-${run}:`;
  return { cache: new RedisCache(redis, prefix), ttlOf: (key: string) => redis.ttl(prefix + key) };
});
it('Redis: save() writes the task, then its view to the cache with a TTL', () => s.saveWritesThrough());
it('Redis: a read after a save is served from the cache as a Task with real dates', () => s.readAfterSaveIsAHit());
it('Redis: a failed save leaves the cache as it was', () => s.failedSaveLeavesCache());
it('Redis: delete() evicts the cache entry', () => s.deleteEvicts());
it('Redis: a miss reads the repository and fills the cache with a TTL; a missing task is not cached', () => s.missFillsAndMissingIsNotCached());
it('Redis: a malformed cache entry is a miss and gets replaced', () => s.malformedIsMiss());
it('Redis: a task without a due date comes back from the cache with dueDate null', () => s.noDueDateStaysNull());
it('Redis: delete() evicts after the repository delete, so a read during the delete cannot keep the task cached', () => s.deleteThenEvict());
