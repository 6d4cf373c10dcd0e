import { it } from 'vitest';
import { InMemoryCache } from '../src/infrastructure/cache/in-memory.cache.js';
import { makeScenarios } from './write-through.scenarios.js';

const s = makeScenarios(async () => ({ cache: new InMemoryCache() }));
it('in-memory cache: save() writes the task to the repository, then its view to the cache', () => s.saveWritesThrough());
it('in-memory cache: a read after a save is served from the cache as a Task with real dates', () => s.readAfterSaveIsAHit());
it('in-memory cache: a failed save leaves the cache as it was and the error reaches the caller', () => s.failedSaveLeavesCache());
it('in-memory cache: a miss reads the repository and fills the cache; a missing task is not cached', () => s.missFillsAndMissingIsNotCached());
it('in-memory cache: a malformed cache entry is a miss and gets replaced', () => s.malformedIsMiss());
it('in-memory cache: delete() removes the task and evicts its cache entry', () => s.deleteEvicts());
it('in-memory cache: a task without a due date comes back from the cache with dueDate null', () => s.noDueDateStaysNull());
it('in-memory cache: delete() evicts after the repository delete, so a read during the delete cannot keep the task cached', () => s.deleteThenEvict());
it('in-memory cache: list() and stats() answer from the wrapped repository', () => s.listAndStatsPassThrough());
