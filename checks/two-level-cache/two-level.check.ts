import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Cache } from '../src/application/ports/cache.port.js';
import { InMemoryCache } from '../src/infrastructure/cache/in-memory.cache.js';
import { RedisCache } from '../src/infrastructure/cache/redis.cache.js';
import { TwoLevelCache } from '../src/infrastructure/cache/two-level.cache.js';
import { contract, type Level } from './cache-contract.scenarios.js';
import { redisPrefix, redisUrl } from './fixtures.js';

class ManualClock {
  private t = Date.parse('2026-03-02T09:00:00Z');
  now() { return new Date(this.t); }
  advance(ms: number) { this.t += ms; }
}

// The Cache contract (the suite the real adapters pass, src/infrastructure/cache/cache.contract.ts),
// once per far level; each check names its level, so a report says which one failed.
const overMemory = async (): Promise<Level> => {
  const clock = new ManualClock();
  return { cache: new TwoLevelCache(new InMemoryCache(clock), { l1TtlSeconds: 5, clock }), expire: async (s) => clock.advance(s * 1000) };
};

let redis: Redis;
let run = 0;
beforeAll(() => {
  redis = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  await redis.quit();
});
// Real Redis, and no sleeping: time passes on L1's manual clock, and Redis "expires" every key of
// this run whose remaining TTL has run out by then.
const overRedis = async (): Promise<Level> => {
  const clock = new ManualClock();
  const prefix = `${redisPrefix()}:l2-${++run}:`;
  const expire = async (seconds: number) => {
    clock.advance(seconds * 1000);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 100);
      for (const key of keys) if ((await redis.pttl(key)) <= seconds * 1000) await redis.del(key);
      cursor = next;
    } while (cursor !== '0');
  };
  return { cache: new TwoLevelCache(new RedisCache(redis, prefix), { l1TtlSeconds: 5, clock }), expire };
};

it('over memory: returns undefined on a miss and the JSON value on a hit', async () => contract.missThenHit(await overMemory()));
it('over memory: forgets a value after its TTL', async () => contract.forgetsAfterTtl(await overMemory()));
it('over memory: del() removes one key and delByPrefix() every key with the prefix', async () => contract.deletes(await overMemory()));
it('over memory: rejects a TTL that is not positive', async () => contract.rejectsBadTtl(await overMemory()));
it('over memory: answers ping()', async () => contract.pings(await overMemory()));
it('over Redis: returns undefined on a miss and the JSON value on a hit', async () => contract.missThenHit(await overRedis()));
it('over Redis: forgets a value after its TTL', async () => contract.forgetsAfterTtl(await overRedis()));
it('over Redis: del() removes one key and delByPrefix() every key with the prefix', async () => contract.deletes(await overRedis()));
it('over Redis: rejects a TTL that is not positive', async () => contract.rejectsBadTtl(await overRedis()));
it('over Redis: answers ping()', async () => contract.pings(await overRedis()));

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

it('set() keeps the value in the far level for its whole TTL, longer than l1TtlSeconds', async () => {
  const clock = new ManualClock();
  const far = counting(clock);
  const cache = new TwoLevelCache(far, { l1TtlSeconds: 5, clock });
  await cache.set('task:1', { v: 1 }, 60);
  clock.advance(30_000);
  expect(await far.get('task:1'), 'the far level 30 s after set(…, 60)').toEqual({ v: 1 });
  expect(await cache.get('task:1'), 'the two-level cache 30 s after set(…, 60)').toEqual({ v: 1 });
});

it('ping() asks the far level: it fails when the far level is down', async () => {
  const down: Cache = { get: async () => undefined, set: async () => {}, del: async () => {}, ping: async () => { throw new Error('Redis is down'); } };
  await expect(new TwoLevelCache(down, { l1TtlSeconds: 5 }).ping(), 'ping() over a far level that is down').rejects.toThrow('Redis is down');
});
