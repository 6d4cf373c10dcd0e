import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Cache } from '../src/application/ports/cache.port.js';
import { InMemoryCache } from '../src/infrastructure/cache/in-memory.cache.js';
import { RedisCache } from '../src/infrastructure/cache/redis.cache.js';
import { GENERATION_KEY, TaskListCache } from '../src/infrastructure/cache/task-list.cache.js';
import { redisPrefix, redisUrl } from './fixtures.js';

let redis: Redis;
let run = 0;
beforeAll(() => {
  redis = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  await redis.quit();
});

/** A cache that records writes and deletes, over memory or a real Redis. */
function recording(inner: Cache) {
  const log: string[] = [];
  const cache: Cache = {
    get: (k) => inner.get(k),
    set: async (k, v, t) => { log.push(`set ${k}`); return inner.set(k, v, t); },
    del: async (k) => { log.push(`del ${k}`); return inner.del(k); },
    delByPrefix: async (p) => { log.push(`delByPrefix ${p}`); return inner.delByPrefix?.(p); },
  };
  return { cache, log };
}
/** One scenario per rule, run on both caches; each check name says which cache failed. */
function scenarios(make: () => { inner: Cache; prefix?: string }) {
  return {
    async cachedPerCriteria() {
      const lists = new TaskListCache(make().inner, 60);
      await lists.set({ status: 'TODO', page: 1 }, ['t-1', 't-2']);
      expect(await lists.get({ page: 1, status: 'TODO' }), 'same criteria, other order').toEqual(['t-1', 't-2']);
      expect(await lists.get({ status: 'TODO', page: 2 }), 'other criteria').toBeUndefined();
      await lists.set({ status: 'TODO', page: 2 }, ['t-3']);
      expect(await lists.get({ page: 2, status: 'TODO' })).toEqual(['t-3']);
    },
    async equalValuesOtherNames() {
      const lists = new TaskListCache(make().inner, 60);
      await lists.set({ status: 'u-ann' }, ['by status']);
      expect(await lists.get({ assigneeId: 'u-ann' }), 'assigneeId=u-ann is not status=u-ann').toBeUndefined();
      await lists.set({ page: 2, limit: 10 }, ['page 2']);
      expect(await lists.get({ page: 10, limit: 2 }), 'page=10&limit=2 is not page=2&limit=10').toBeUndefined();
    },
    async separatorsInValues() {
      const lists = new TaskListCache(make().inner, 60);
      await lists.set({ a: 'x', b: 'y' }, ['two criteria']);
      for (const a of ['x&b=y', 'x:b:y', 'x,b=y', 'x|b=y', 'x;b=y', 'x b y', 'x/b/y']) {
        expect(await lists.get({ a }), `{ a: ${JSON.stringify(a)} } is one criterion, not { a: 'x', b: 'y' }`).toBeUndefined();
      }
    },
    async numberAndString() {
      const lists = new TaskListCache(make().inner, 60);
      await lists.set({ status: 'TODO', page: 1 }, ['t-1']);
      expect(await lists.get({ page: '1', status: 'TODO' })).toEqual(['t-1']);
    },
    async invalidateAll() {
      const { cache, log } = recording(make().inner);
      const lists = new TaskListCache(cache, 60);
      await lists.set({ page: 1 }, ['a']);
      await lists.set({ page: 2, status: 'DONE' }, ['b']);
      log.length = 0;
      await lists.invalidateAll();
      expect(log, 'cache writes made by invalidateAll()').toEqual([`set ${GENERATION_KEY}`]);
      expect(await lists.get({ page: 1 })).toBeUndefined();
      expect(await lists.get({ status: 'DONE', page: 2 })).toBeUndefined();
      await lists.set({ page: 1 }, ['fresh']);
      expect(await lists.get({ page: 1 })).toEqual(['fresh']);
      await lists.invalidateAll();
      expect(await lists.get({ page: 1 }), 'a second invalidation works too').toBeUndefined();
    },
  };
}
const memory = scenarios(() => ({ inner: new InMemoryCache() }));
const onRedis = scenarios(() => { const prefix = `${redisPrefix()}:lists-${++run}:`; return { inner: new RedisCache(redis, prefix), prefix }; });
it('in-memory: a list is cached per criteria, whatever the key order', () => memory.cachedPerCriteria());
it('in-memory: equal values under different names are different entries', () => memory.equalValuesOtherNames());
it('in-memory: a value containing separator characters does not collide with other criteria', () => memory.separatorsInValues());
it("in-memory: a number and its string form are the same criterion (page: 1 and page: '1')", () => memory.numberAndString());
it('in-memory: invalidateAll() turns every cached list into a miss with one write and no deletes', () => memory.invalidateAll());
it('Redis: a list is cached per criteria, whatever the key order', () => onRedis.cachedPerCriteria());
it('Redis: equal values under different names are different entries', () => onRedis.equalValuesOtherNames());
it('Redis: a value containing separator characters does not collide with other criteria', () => onRedis.separatorsInValues());
it("Redis: a number and its string form are the same criterion (page: 1 and page: '1')", () => onRedis.numberAndString());
it('Redis: invalidateAll() turns every cached list into a miss with one write and no deletes', () => onRedis.invalidateAll());

it('Redis: two instances share the generation, and it expires later than the lists', async () => {
  const { inner, prefix } = make2();
  const a = new TaskListCache(inner, 60);
  const b = new TaskListCache(new RedisCache(redis, prefix), 60);
  await a.set({ page: 1 }, ['shared']);
  expect(await b.get({ page: 1 }), 'instance B reads what A cached').toEqual(['shared']);
  await b.invalidateAll();
  expect(await a.get({ page: 1 }), 'B invalidated, A must miss').toBeUndefined();
  const ttl = await redis.ttl(`${prefix}${GENERATION_KEY}`);
  expect(ttl, 'TTL of the generation key (-1: never expires)').toBeGreaterThan(60);
});

it('Redis: lists are stored with ttlSeconds', async () => {
  const { inner, prefix } = make2();
  const lists = new TaskListCache(inner, 45);
  await lists.set({ page: 1 }, ['a']);
  const keys: string[] = []; // SCAN, not KEYS: a run's Redis user may not be allowed KEYS
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 100);
    keys.push(...batch.filter((k) => k !== `${prefix}${GENERATION_KEY}`));
    cursor = next;
  } while (cursor !== '0');
  expect(keys, 'list keys written for one set()').toHaveLength(1);
  const ttl = await redis.ttl(keys[0]!);
  expect(ttl, `TTL of ${keys[0]}`).toBeGreaterThan(40);
  expect(ttl).toBeLessThanOrEqual(45);
});
function make2() {
  const prefix = `${redisPrefix()}:lists-${++run}:`;
  return { inner: new RedisCache(redis, prefix), prefix };
}
