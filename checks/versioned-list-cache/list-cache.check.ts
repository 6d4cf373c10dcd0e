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
const backends: [string, () => { inner: Cache; prefix?: string }][] = [
  ['in-memory', () => ({ inner: new InMemoryCache() })],
  ['Redis', () => { const prefix = `${redisPrefix()}:lists-${++run}:`; return { inner: new RedisCache(redis, prefix), prefix }; }],
];

for (const [name, make] of backends) {
  it(`${name}: a list is cached per criteria, whatever the key order`, async () => {
    const lists = new TaskListCache(make().inner, 60);
    await lists.set({ status: 'TODO', page: 1 }, ['t-1', 't-2']);
    expect(await lists.get({ page: 1, status: 'TODO' }), 'same criteria, other order').toEqual(['t-1', 't-2']);
    expect(await lists.get({ status: 'TODO', page: 2 }), 'other criteria').toBeUndefined();
    await lists.set({ status: 'TODO', page: 2 }, ['t-3']);
    expect(await lists.get({ page: 2, status: 'TODO' })).toEqual(['t-3']);
  });

  it(`${name}: invalidateAll() turns every cached list into a miss with one write and no deletes`, async () => {
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
  });
}

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
function make2() {
  const prefix = `${redisPrefix()}:lists-${++run}:`;
  return { inner: new RedisCache(redis, prefix), prefix };
}
