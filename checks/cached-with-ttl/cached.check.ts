import { expect, it } from 'vitest';
import { z } from 'zod';
import type { Clock } from '../src/application/ports/clock.port.js';
import { cached } from '../src/infrastructure/cache/cached.js';
import { InMemoryCache } from '../src/infrastructure/cache/in-memory.cache.js';

class ManualClock implements Clock {
  private t = Date.parse('2026-03-02T09:00:00Z');
  now() { return new Date(this.t); }
  advance(ms: number) { this.t += ms; }
}

const profileSchema = z.object({ id: z.string(), name: z.string() });
type Profile = z.infer<typeof profileSchema>;

function setup(ttlSeconds = 60) {
  const clock = new ManualClock();
  const cache = new InMemoryCache(clock);
  const calls: string[] = [];
  let fail = false;
  const load = async (id: string): Promise<Profile> => {
    calls.push(id);
    if (fail) throw new Error(`profile service down for ${id}`);
    return { id, name: `User ${id} #${calls.length}` };
  };
  const get = cached(load, { cache, ttlSeconds, key: (id) => `profile:${id}`, schema: profileSchema });
  return { clock, cache, calls, get, failNext: (v: boolean) => { fail = v; } };
}

it('the first call loads and stores the result under key(...args); the second is served from the cache', async () => {
  const s = setup();
  const first = await s.get('u-1');
  expect(await s.cache.get('profile:u-1'), 'cache entry under the key after the first call').toEqual(first);
  expect(await s.get('u-1')).toEqual(first);
  expect(s.calls, 'calls of the wrapped function').toEqual(['u-1']);
});

it('different arguments are cached under different keys', async () => {
  const s = setup();
  const a = await s.get('u-1');
  const b = await s.get('u-2');
  expect(a.id).toBe('u-1');
  expect(b.id).toBe('u-2');
  await s.get('u-1');
  await s.get('u-2');
  expect(s.calls).toEqual(['u-1', 'u-2']);
});

it('an entry expires after ttlSeconds and the next call loads again', async () => {
  const s = setup(30);
  await s.get('u-1');
  s.clock.advance(29_000);
  await s.get('u-1');
  expect(s.calls, 'still fresh just before the TTL').toHaveLength(1);
  s.clock.advance(2_000);
  const again = await s.get('u-1');
  expect(s.calls, 'reloaded after the TTL').toHaveLength(2);
  expect(again.name).toBe('User u-1 #2');
});

it('a failure reaches the caller and is not cached: the next call tries again', async () => {
  const s = setup();
  s.failNext(true);
  await expect(s.get('u-1')).rejects.toThrow('profile service down for u-1');
  expect(await s.cache.get('profile:u-1'), 'nothing may be cached after a failure').toBeUndefined();
  s.failNext(false);
  expect((await s.get('u-1')).id).toBe('u-1');
  expect(s.calls).toHaveLength(2);
});

it('a cached value that does not match the schema is a miss and gets replaced', async () => {
  const s = setup();
  await s.cache.set('profile:u-1', { id: 'u-1', fullName: 'written by an older deploy' }, 60);
  expect(await s.get('u-1')).toEqual({ id: 'u-1', name: 'User u-1 #1' });
  expect(await s.cache.get('profile:u-1')).toEqual({ id: 'u-1', name: 'User u-1 #1' });
});

it('cached() refuses a TTL that is zero, negative or not finite with a RangeError', () => {
  const load = async () => ({ id: 'x', name: 'y' });
  for (const ttlSeconds of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
    expect(() => cached(load, { cache: new InMemoryCache(), ttlSeconds, key: () => 'k', schema: profileSchema }), `ttlSeconds = ${ttlSeconds}`).toThrow(RangeError);
  }
});

it('cached() accepts any positive finite TTL, also one below a second (0.5)', async () => {
  const cache = new InMemoryCache(new ManualClock());
  const get = cached(async (id: string) => ({ id, name: 'n' }), { cache, ttlSeconds: 0.5, key: (id) => `p:${id}`, schema: profileSchema });
  expect(await get('u-1')).toEqual({ id: 'u-1', name: 'n' });
});

it('the wrapped function and key() get every argument of the call, not only the first', async () => {
  const cache = new InMemoryCache(new ManualClock());
  const seen: unknown[][] = [];
  const load = async (orgId: string, userId: string) => { seen.push([orgId, userId]); return { id: `${orgId}/${userId}`, name: 'n' }; };
  const get = cached(load, { cache, ttlSeconds: 60, key: (orgId, userId) => `profile:${orgId}:${userId}`, schema: profileSchema });
  expect(await get('org-1', 'u-1')).toEqual({ id: 'org-1/u-1', name: 'n' });
  expect(await get('org-2', 'u-1'), 'same second argument, other first: another key').toEqual({ id: 'org-2/u-1', name: 'n' });
  expect(seen, 'arguments the wrapped function received').toEqual([['org-1', 'u-1'], ['org-2', 'u-1']]);
  expect(await cache.get('profile:org-1:u-1')).toEqual({ id: 'org-1/u-1', name: 'n' });
});

it('arguments that give the same key share one cache entry', async () => {
  const cache = new InMemoryCache(new ManualClock());
  const calls: string[] = [];
  const load = async (email: string) => { calls.push(email); return { id: email.toLowerCase(), name: 'n' }; };
  const get = cached(load, { cache, ttlSeconds: 60, key: (email) => `user:${email.toLowerCase()}`, schema: profileSchema });
  await get('Ann@Example.com');
  await get('ann@example.com');
  expect(calls, 'the second call has the same key and is a hit').toEqual(['Ann@Example.com']);
});

it('a cached falsy value that passes the schema (0) is a hit, not a miss', async () => {
  const cache = new InMemoryCache(new ManualClock());
  let calls = 0;
  const count = cached(async (_project: string) => { calls += 1; return 0; }, { cache, ttlSeconds: 60, key: (p) => `open:${p}`, schema: z.number() });
  expect(await count('p-1')).toBe(0);
  expect(await count('p-1')).toBe(0);
  expect(calls, 'a cached 0 must be served from the cache').toBe(1);
});
