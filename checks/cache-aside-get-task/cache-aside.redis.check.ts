import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { TASK_CACHE_TTL_SECONDS, taskCacheKey } from '../src/application/ports/cache.port.js';
import { RedisCache } from '../src/infrastructure/cache/redis.cache.js';
import { harness, ManualClock, scenarios, type Harness } from './cache-aside.scenarios.js';
import { redisPrefix, redisUrl } from './fixtures.js';

let redis: Redis;
let h: Harness;
let run = 0;
const keyPrefix = () => `${redisPrefix()}:cache-${run}:`;
beforeAll(() => {
  redis = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  await redis.quit();
});
beforeEach(async () => {
  run += 1; // every check gets its own key space
  h = await harness(new RedisCache(redis, keyPrefix()), new ManualClock());
});
afterEach(() => h.close());

it('Redis: a first read loads the task and stores its view under taskCacheKey(id)', () => scenarios.firstReadFills(h));
it('Redis: a second read is served from the cache without asking the repository', () => scenarios.secondReadHits(h));
it('Redis: the entry is stored with an expiry of at most TASK_CACHE_TTL_SECONDS', async () => {
  await h.get('t-1');
  const ttl = await redis.ttl(keyPrefix() + taskCacheKey('t-1'));
  expect(ttl, 'TTL in seconds of the cached entry (-1 means it never expires, -2 that it is missing)').toBeGreaterThan(0);
  expect(ttl).toBeLessThanOrEqual(TASK_CACHE_TTL_SECONDS);
});
it('Redis: updating a task invalidates its entry, so the next read is fresh', () => scenarios.updateInvalidates(h));
it('Redis: a missing task is TASK.NOT_FOUND and nothing is cached', () => scenarios.missingIsNotFound(h));
it('Redis: access is checked on cached reads too (TASK.FORBIDDEN)', () => scenarios.permissionOnHit(h));
it('Redis: a malformed cache entry counts as a miss', () => scenarios.malformedIsMiss(h));
it('Redis: access is checked on a first read (cache miss) too (TASK.FORBIDDEN)', () => scenarios.permissionOnMiss(h));
it('Redis: the update deletes the cached copy after the save succeeds, not before', () => scenarios.deleteAfterSave(h));
