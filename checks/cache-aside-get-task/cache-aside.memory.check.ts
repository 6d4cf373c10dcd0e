import { afterEach, beforeEach, expect, it } from 'vitest';
import { TASK_CACHE_TTL_SECONDS } from '../src/application/ports/cache.port.js';
import { InMemoryCache } from '../src/infrastructure/cache/in-memory.cache.js';
import { harness, ManualClock, scenarios, type Harness } from './cache-aside.scenarios.js';

let h: Harness;
beforeEach(async () => {
  const clock = new ManualClock();
  h = await harness(new InMemoryCache(clock), clock);
});
afterEach(() => h.close());

it('in-memory cache: a first read loads the task and stores its view under taskCacheKey(id)', () => scenarios.firstReadFills(h));
it('in-memory cache: a second read is served from the cache without asking the repository', () => scenarios.secondReadHits(h));
it('in-memory cache: an entry expires after TASK_CACHE_TTL_SECONDS and the next read reloads it', async () => {
  await h.get('t-1');
  h.clock.advance((TASK_CACHE_TTL_SECONDS - 1) * 1000);
  await h.get('t-1');
  expect(h.tasks.reads, 'a read just before the TTL ends is still a hit').toBe(1);
  h.clock.advance(2000);
  await h.get('t-1');
  expect(h.tasks.reads, 'a read after the TTL must reload the task').toBe(2);
});
it('in-memory cache: updating a task invalidates its entry, so the next read is fresh', () => scenarios.updateInvalidates(h));
it('in-memory cache: a missing task is TASK.NOT_FOUND and nothing is cached', () => scenarios.missingIsNotFound(h));
it('in-memory cache: access is checked on cached reads too (TASK.FORBIDDEN)', () => scenarios.permissionOnHit(h));
it('in-memory cache: a malformed cache entry counts as a miss', () => scenarios.malformedIsMiss(h));
it('in-memory cache: access is checked on a first read (cache miss) too (TASK.FORBIDDEN)', () => scenarios.permissionOnMiss(h));
it('in-memory cache: the update deletes the cached copy after the save succeeds, not before', () => scenarios.deleteAfterSave(h));
