import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SingleFlightCache } from '../src/infrastructure/cache/single-flight.cache.js';
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
it('Redis: a cached value is returned without loading', () => s.hitSkipsLoad());
it('Redis: a cached falsy value (0, empty string, false, null) is a hit, not a miss', () => s.falsyHitsSkipLoad());
it('Redis: different keys load independently and concurrently', () => s.keysAreIndependent());
it('Redis: the loaded value is stored with the configured TTL (17 s)', async () => {
  const prefix = `${redisPrefix()}:sf-ttl-${++run}:`;
  const sf = new SingleFlightCache(new RedisCache(redis, prefix), 17);
  await sf.getOrLoad('k', async () => 'v');
  const ttl = await redis.ttl(`${prefix}k`);
  expect(ttl, 'TTL in seconds of the cached value').toBeGreaterThan(15);
  expect(ttl).toBeLessThanOrEqual(17);
});
