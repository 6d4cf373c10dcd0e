// The same write-through behaviour, checked on the in-memory cache and on a real Redis.
import { expect } from 'vitest';
import { TASK_CACHE_TTL_SECONDS, taskCacheKey, type Cache } from '../src/application/ports/cache.port.js';
import { Task } from '../src/domain/task/task.entity.js';
import { WriteThroughTaskRepository } from '../src/infrastructure/cache/write-through-task.repository.js';
import { InMemoryTaskRepository } from '../src/infrastructure/persistence/in-memory-task.repository.js';

/** Counts reads, and can be told to refuse the next save (a database outage). */
export class FlakyRepository extends InMemoryTaskRepository {
  reads = 0;
  failNextSave = false;
  /** When set, delete() waits for it before deleting (a slow database). */
  deleteGate: Promise<void> | undefined;
  deleteStarted = false;
  override async delete(id: string): Promise<boolean> {
    this.deleteStarted = true;
    if (this.deleteGate) await this.deleteGate;
    return super.delete(id);
  }
  override async findById(id: string): Promise<Task | null> {
    this.reads += 1;
    return super.findById(id);
  }
  override async save(task: Task): Promise<void> {
    if (this.failNextSave) {
      this.failNextSave = false;
      throw new Error('database unavailable');
    }
    return super.save(task);
  }
}

const now = new Date('2026-03-02T09:00:00.000Z');
const newTask = () => Task.create({ id: 't-1', title: 'Write the cache chapter', creatorId: 'u-alice', dueDate: new Date('2026-03-09T17:00:00.000Z'), now });

export function makeScenarios(fresh: () => Promise<{ cache: Cache; ttlOf?: (key: string) => Promise<number> }>) {
  async function setup() {
    const { cache, ttlOf } = await fresh();
    const inner = new FlakyRepository();
    return { cache, ttlOf, inner, repo: new WriteThroughTaskRepository(inner, cache) };
  }
  return {
    async saveWritesThrough() {
      const { cache, inner, repo, ttlOf } = await setup();
      await repo.save(newTask());
      expect((await inner.findById('t-1'))?.title, 'the task must be saved in the wrapped repository').toBe('Write the cache chapter');
      expect(await cache.get(taskCacheKey('t-1')), 'the cache holds the saved task as a view').toMatchObject({ id: 't-1', title: 'Write the cache chapter', dueDate: '2026-03-09T17:00:00.000Z' });
      if (ttlOf) {
        const ttl = await ttlOf(taskCacheKey('t-1'));
        expect(ttl, 'TTL in seconds (-1: never expires)').toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(TASK_CACHE_TTL_SECONDS);
      }
    },
    async readAfterSaveIsAHit() {
      const { inner, repo } = await setup();
      const task = newTask();
      await repo.save(task);
      task.assign('u-bob', now);
      await repo.save(task);
      inner.reads = 0;
      const found = await repo.findById('t-1');
      expect(inner.reads, 'reads of the wrapped repository after a save (should be a cache hit)').toBe(0);
      expect(found, 'findById must return a Task').toBeInstanceOf(Task);
      expect(found?.props, 'the task rebuilt from the cache, with real Dates').toEqual(task.props);
    },
    async failedSaveLeavesCache() {
      const { cache, inner, repo } = await setup();
      await repo.save(newTask());
      const changed = newTask();
      changed.update({ title: 'A title the database never stored' }, now);
      inner.failNextSave = true;
      await expect(repo.save(changed), 'the save error must reach the caller').rejects.toThrow('database unavailable');
      expect(await cache.get(taskCacheKey('t-1')), 'the cache must not be ahead of the database').toMatchObject({ title: 'Write the cache chapter' });
      expect((await repo.findById('t-1'))?.title).toBe('Write the cache chapter');
    },
    async missFillsAndMissingIsNotCached() {
      const { cache, inner, repo, ttlOf } = await setup();
      await inner.save(newTask());
      expect((await repo.findById('t-1'))?.title).toBe('Write the cache chapter');
      expect(inner.reads).toBe(1);
      await repo.findById('t-1');
      expect(inner.reads, 'the second read must come from the cache').toBe(1);
      if (ttlOf) {
        const ttl = await ttlOf(taskCacheKey('t-1'));
        expect(ttl, 'TTL in seconds of the entry a miss filled (-1: never expires)').toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(TASK_CACHE_TTL_SECONDS);
      }
      expect(await repo.findById('t-404')).toBeNull();
      expect(await cache.get(taskCacheKey('t-404')), 'nothing is cached for a missing task').toBeUndefined();
    },
    async malformedIsMiss() {
      const { cache, inner, repo } = await setup();
      await inner.save(newTask());
      await cache.set(taskCacheKey('t-1'), { id: 't-1', title: 7 }, TASK_CACHE_TTL_SECONDS);
      expect((await repo.findById('t-1'))?.title, 'a malformed entry is ignored').toBe('Write the cache chapter');
      expect(await cache.get(taskCacheKey('t-1')), 'and replaced by the real task').toMatchObject({ title: 'Write the cache chapter' });
    },
    async noDueDateStaysNull() {
      const { inner, repo } = await setup();
      const task = Task.create({ id: 't-2', title: 'No deadline for this one', creatorId: 'u-alice', now });
      await repo.save(task);
      inner.reads = 0;
      const found = await repo.findById('t-2');
      expect(inner.reads, 'served from the cache').toBe(0);
      expect(found?.dueDate, 'a task without a due date comes back without one (not 1970)').toBeNull();
      expect(found?.props).toEqual(task.props);
    },
    async deleteThenEvict() {
      const { cache, inner, repo } = await setup();
      await repo.save(newTask());
      let finishDelete!: () => void;
      inner.deleteGate = new Promise<void>((r) => { finishDelete = r; });
      const deleting = repo.delete('t-1');
      // Wait until the delete is under way in the database (whatever the decorator did before it).
      for (let waited = 0; !inner.deleteStarted && waited < 2000; waited += 5) await new Promise((r) => setTimeout(r, 5));
      await repo.findById('t-1'); // a reader during the delete
      finishDelete();
      expect(await deleting).toBe(true);
      expect(await cache.get(taskCacheKey('t-1')), 'a read during the delete left the deleted task in the cache').toBeUndefined();
      expect(await repo.findById('t-1')).toBeNull();
    },
    async listAndStatsPassThrough() {
      const { inner, repo } = await setup();
      await inner.save(newTask()); // written behind the decorator's back: only the wrapped repository knows it
      const criteria = { page: 1, limit: 10, sort: { field: 'createdAt', direction: 'asc' } } as const;
      expect(await repo.list(criteria), 'list() answers what the wrapped repository answers').toEqual(await inner.list(criteria));
      expect(await repo.stats({ now }), 'stats() answers what the wrapped repository answers').toEqual(await inner.stats({ now }));
    },
    async deleteEvicts() {
      const { cache, repo } = await setup();
      await repo.save(newTask());
      expect(await repo.delete('t-1')).toBe(true);
      expect(await cache.get(taskCacheKey('t-1')), 'a deleted task must leave the cache').toBeUndefined();
      expect(await repo.findById('t-1')).toBeNull();
      expect(await repo.delete('t-1')).toBe(false);
    },
  };
}
