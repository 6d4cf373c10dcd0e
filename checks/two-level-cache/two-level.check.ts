import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Cache } from '../src/application/ports/cache.port.js';
import { cacheContract } from '../src/infrastructure/cache/cache.contract.js';
import { InMemoryCache } from '../src/infrastructure/cache/in-memory.cache.js';
import { RedisCache } from '../src/infrastructure/cache/redis.cache.js';
import { TwoLevelCache } from '../src/infrastructure/cache/two-level.cache.js';
import { redisPrefix, redisUrl } from './fixtures.js';

class ManualClock {
  private t = Date.parse('2026-03-02T09:00:00Z');
  now() { return new Date(this.t); }
  advance(ms: number) { this.t += ms; }
}

// The contract the real adapters pass, over an in-memory far level with a shared manual clock…
cacheContract('TwoLevelCache over memory', async () => {
  const clock = new ManualClock();
  return { cache: new TwoLevelCache(new InMemoryCache(clock), { l1TtlSeconds: 5, clock }), expire: async (s) => clock.advance(s * 1000) };
});

// …and over a real Redis, in real time.
let redis: Redis;
let run = 0;
beforeAll(() => {
  redis = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  await redis.quit();
});
cacheContract('TwoLevelCache over Redis', async () => ({
  cache: new TwoLevelCache(new RedisCache(redis, `${redisPrefix()}:l2-${++run}:`), { l1TtlSeconds: 5 }),
  expire: (s) => new Promise((r) => setTimeout(r, s * 1000)),
}));

/** A far cache that counts reads. */
function counting(clock: ManualClock): Cache & { reads: number } {
  const inner = new InMemoryCache(clock);
  const far = {
    reads: 0,
    get: async (k: string) => { far.reads += 1; return inner.get(k); },
    set: (k: string, v: unknown, t: number) => inner.set(k, v, t),
    del: (k: string) => inner.del(k),
    delByPrefix: (p: string) => inner.delByPrefix(p),
  };
  return far;
}

it('a value read once from the far level is served from L1 without asking it again, for l1TtlSeconds', async () => {
  const clock = new ManualClock();
  const far = counting(clock);
  await far.set('task:1', { v: 1 }, 60);
  const cache = new TwoLevelCache(far, { l1TtlSeconds: 5, clock });
  expect(await cache.get('task:1')).toEqual({ v: 1 });
  expect(await cache.get('task:1')).toEqual({ v: 1 });
  expect(far.reads, 'far reads after two gets').toBe(1);
  await far.set('task:1', { v: 2 }, 60); // another instance changed it
  clock.advance(5_001);
  expect(await cache.get('task:1'), 'after l1TtlSeconds the far level is asked again').toEqual({ v: 2 });
  expect(far.reads).toBe(2);
});

it('a refused TTL leaves both levels untouched', async () => {
  const clock = new ManualClock();
  const far = counting(clock);
  const cache = new TwoLevelCache(far, { l1TtlSeconds: 5, clock });
  await expect(cache.set('k', 1, 0)).rejects.toThrow(/TTL/);
  expect(await cache.get('k')).toBeUndefined();
  expect(await far.get('k')).toBeUndefined();
});
