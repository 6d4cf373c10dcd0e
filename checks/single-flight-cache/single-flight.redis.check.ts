import { Redis } from 'ioredis';
import { afterAll, beforeAll, it } from 'vitest';
import { RedisCache } from '../src/infrastructure/cache/redis.cache.js';
import { redisPrefix, redisUrl } from './fixtures.js';
import { makeScenarios } from './single-flight.scenarios.js';

let redis: Redis;
let run = 0;
beforeAll(() => {
  redis = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  await redis.quit();
});
const s = makeScenarios(async () => new RedisCache(redis, `${redisPrefix()}:sf-${++run}:`));
it('Redis: 50 concurrent misses for one key run the load once and all get its value', () => s.concurrentMissesLoadOnce());
it('Redis: a failed load reaches every waiter, is not cached, and the next call loads again', () => s.failureSharedNotRemembered());
