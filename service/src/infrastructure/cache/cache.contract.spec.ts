import type { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { ManualClock } from '../../../test/fixtures/application-harness.js';
import { connectTestRedis, uniquePrefix } from '../../../test/fixtures/infrastructure.js';
import { cacheContract } from './cache.contract.js';
import { InMemoryCache } from './in-memory.cache.js';
import { RedisCache } from './redis.cache.js';

cacheContract('in memory', async () => {
  const clock = new ManualClock();
  return { cache: new InMemoryCache(clock), expire: async (s) => clock.advance(s * 1000) };
});

let redis: Redis;
const prefix = uniquePrefix('cache');
beforeAll(async () => {
  redis = await connectTestRedis();
});
afterAll(async () => {
  await new RedisCache(redis, prefix).delByPrefix('');
  redis?.disconnect();
});

let run = 0;
cacheContract('Redis', async () => {
  // A prefix per test keeps tests independent without flushing a Redis others use.
  const cache = new RedisCache(redis, `${prefix}${run++}:`);
  // Redis expires by its own clock, so time has to really pass (1.2 s once, for the TTL test).
  return { cache, expire: (s) => new Promise((resolve) => setTimeout(resolve, s * 1000)) };
});
