import { Test, type TestingModule } from '@nestjs/testing';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { CACHE, type Cache } from '../src/application/ports/cache.port.js';
import { CacheModule } from '../src/infrastructure/cache/cache.module.js';
import { InMemoryCache } from '../src/infrastructure/cache/in-memory.cache.js';
import { redisPrefix, redisUrl } from './fixtures.js';

/** A provider of the importing module that injects CACHE, as a handler would. */
const NeedsCache = Symbol('NeedsCache');
const needsCache = { provide: NeedsCache, useFactory: (cache: Cache) => ({ cache }), inject: [CACHE] };

let probe: Redis;
let open: TestingModule | undefined;
let run = 0;
beforeAll(() => {
  probe = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  await probe.quit();
});
afterEach(async () => {
  await open?.close().catch(() => undefined);
  open = undefined;
});

async function build(options: { redisUrl?: string; prefix?: string }): Promise<TestingModule> {
  open = await Test.createTestingModule({ imports: [CacheModule.forRoot(options)], providers: [needsCache] }).compile();
  await open.init();
  return open;
}

it('without a Redis URL, CACHE is the in-memory cache, injectable in the importing module', async () => {
  const moduleRef = await build({});
  const { cache } = moduleRef.get<{ cache: Cache }>(NeedsCache);
  expect(cache).toBeInstanceOf(InMemoryCache);
  await cache.set('k', { ok: 1 }, 30);
  expect(await cache.get('k')).toEqual({ ok: 1 });
});

it('with a Redis URL, values written through CACHE land in Redis under the prefix', async () => {
  const prefix = `${redisPrefix()}:cm-${++run}:`;
  const { cache } = (await build({ redisUrl: redisUrl(), prefix })).get<{ cache: Cache }>(NeedsCache);
  await cache.set('task:t-1', { title: 'Wire the module' }, 30);
  expect(JSON.parse((await probe.get(`${prefix}task:t-1`)) ?? 'null'), `Redis key ${prefix}task:t-1`).toEqual({ title: 'Wire the module' });
  expect(await cache.get('task:t-1')).toEqual({ title: 'Wire the module' });
});

it('closing the module closes its Redis connection', async () => {
  const prefix = `${redisPrefix()}:cm-${++run}:`;
  const moduleRef = await build({ redisUrl: redisUrl(), prefix });
  const { cache } = moduleRef.get<{ cache: Cache }>(NeedsCache);
  await cache.set('k', 1, 30);
  await moduleRef.close();
  open = undefined;
  const after = await cache.get('k').then(() => 'still answering', (e: unknown) => `closed: ${String(e)}`);
  expect(after, 'the cache still talks to Redis after the module closed: the connection leaked').toMatch(/^closed/);
});

it('an unreachable Redis stops the module from starting, with a message naming the URL', async () => {
  const error = await build({ redisUrl: 'redis://127.0.0.1:1' }).then(() => undefined, (e: unknown) => e);
  expect(error, 'building the module must fail').toBeInstanceOf(Error);
  expect((error as Error).message).toContain('127.0.0.1:1');
});

it('without a prefix, keys land in Redis under the default prefix workbook:', async () => {
  const key = `${redisPrefix()}:cm-default-${++run}`;
  const { cache } = (await build({ redisUrl: redisUrl() })).get<{ cache: Cache }>(NeedsCache);
  try {
    await cache.set(key, { n: 1 }, 30);
    expect(await probe.get(`workbook:${key}`), `Redis key workbook:${key} (the default prefix)`).toBe('{"n":1}');
  } finally {
    await probe.del(`workbook:${key}`, key);
  }
});
