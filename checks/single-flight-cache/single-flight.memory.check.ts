import { expect, it } from 'vitest';
import { SingleFlightCache } from '../src/infrastructure/cache/single-flight.cache.js';
import { InMemoryCache } from '../src/infrastructure/cache/in-memory.cache.js';
import { makeScenarios } from './single-flight.scenarios.js';

const s = makeScenarios(async () => new InMemoryCache());
it('in-memory cache: 50 concurrent misses for one key run the load once and all get its value', () => s.concurrentMissesLoadOnce());
it('in-memory cache: a cached value is returned without loading', () => s.hitSkipsLoad());
it('in-memory cache: different keys load independently and concurrently', () => s.keysAreIndependent());
it('in-memory cache: a failed load reaches every waiter, is not cached, and the next call loads again', () => s.failureSharedNotRemembered());
it('in-memory cache: a cached falsy value (0, empty string, false, null) is a hit, not a miss', () => s.falsyHitsSkipLoad());
it('in-memory cache: the loaded value is stored with the configured TTL (17 s: fresh at 16.9 s, gone at 17 s)', async () => {
  let t = Date.parse('2026-03-02T09:00:00Z');
  const cache = new InMemoryCache({ now: () => new Date(t) });
  const sf = new SingleFlightCache(cache, 17);
  await sf.getOrLoad('k', async () => 'v');
  t += 16_900;
  expect(await cache.get('k'), 'just before the TTL').toBe('v');
  t += 100;
  expect(await cache.get('k'), 'at the TTL').toBeUndefined();
});
