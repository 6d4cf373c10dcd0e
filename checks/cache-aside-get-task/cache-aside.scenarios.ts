// Shared scenarios for the two cache adapters: the same behaviour must hold on both.
import { Test } from '@nestjs/testing';
import { CommandBus, CqrsModule, QueryBus } from '@nestjs/cqrs';
import { expect } from 'vitest';
import { UpdateTaskCommand } from '../src/application/commands/update-task.command.js';
import { UpdateTaskHandler } from '../src/application/commands/update-task.handler.js';
import { CACHE, TASK_CACHE_TTL_SECONDS, taskCacheKey, type Cache } from '../src/application/ports/cache.port.js';
import { CLOCK, type Clock } from '../src/application/ports/clock.port.js';
import { GetTaskHandler } from '../src/application/queries/get-task.handler.js';
import { GetTaskQuery } from '../src/application/queries/get-task.query.js';
import { DomainError } from '../src/domain/shared/domain-error.js';
import { Task } from '../src/domain/task/task.entity.js';
import { TASK_REPOSITORY } from '../src/domain/task/task.repository.js';
import { InMemoryTaskRepository } from '../src/infrastructure/persistence/in-memory-task.repository.js';

export const alice = { id: 'u-alice', role: 'MEMBER' as const };
export const bob = { id: 'u-bob', role: 'MEMBER' as const };

export class ManualClock implements Clock {
  private current = new Date('2026-03-02T09:00:00.000Z').getTime();
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/** Counts reads so a check can tell a cache hit from a database read. */
export class CountingRepository extends InMemoryTaskRepository {
  reads = 0;
  override async findById(id: string): Promise<Task | null> {
    this.reads += 1;
    return super.findById(id);
  }
}

export interface Harness {
  tasks: CountingRepository;
  cache: Cache;
  clock: ManualClock;
  get(taskId: string, actor?: typeof alice): Promise<{ id: string; title: string }>;
  update(taskId: string, title: string): Promise<unknown>;
  close(): Promise<void>;
}

export async function harness(cache: Cache, clock: ManualClock): Promise<Harness> {
  const tasks = new CountingRepository();
  const moduleRef = await Test.createTestingModule({
    imports: [CqrsModule.forRoot()],
    providers: [
      GetTaskHandler,
      UpdateTaskHandler,
      { provide: TASK_REPOSITORY, useValue: tasks },
      { provide: CACHE, useValue: cache },
      { provide: CLOCK, useValue: clock },
    ],
  }).compile();
  await moduleRef.init();
  const queries = moduleRef.get(QueryBus);
  const commands = moduleRef.get(CommandBus);
  await tasks.save(Task.create({ id: 't-1', title: 'Write the cache chapter', creatorId: alice.id, now: clock.now() }));
  tasks.reads = 0;
  return {
    tasks,
    cache,
    clock,
    get: (taskId, actor = alice) => queries.execute(new GetTaskQuery(taskId, actor)),
    update: (taskId, title) => commands.execute(new UpdateTaskCommand(taskId, { title }, alice)),
    close: () => moduleRef.close(),
  };
}

async function domainError(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error, 'expected the query to fail with a DomainError').toBeInstanceOf(DomainError);
  return error as DomainError;
}

export const scenarios = {
  async firstReadFills(h: Harness) {
    const view = await h.get('t-1');
    expect(view.title).toBe('Write the cache chapter');
    expect(h.tasks.reads, 'repository reads on a cold cache').toBe(1);
    expect(await h.cache.get(taskCacheKey('t-1')), `cache entry under "${taskCacheKey('t-1')}" after the first read`).toEqual(view);
  },
  async secondReadHits(h: Harness) {
    const first = await h.get('t-1');
    const second = await h.get('t-1');
    expect(second).toEqual(first);
    expect(h.tasks.reads, 'repository reads after two GETs of the same task (the second must be a cache hit)').toBe(1);
  },
  async updateInvalidates(h: Harness) {
    await h.get('t-1');
    await h.update('t-1', 'Write the cache chapter, take two');
    const after = await h.get('t-1');
    expect(after.title, 'title read right after an update (a stale cached copy was returned)').toBe('Write the cache chapter, take two');
  },
  async missingIsNotFound(h: Harness) {
    expect((await domainError(h.get('t-404'))).code).toBe('TASK.NOT_FOUND');
    expect(await h.cache.get(taskCacheKey('t-404')), 'nothing may be cached for a missing task').toBeUndefined();
  },
  async permissionOnHit(h: Harness) {
    await h.get('t-1', alice);
    const readsBefore = h.tasks.reads;
    expect((await domainError(h.get('t-1', bob))).code, 'bob is a member who neither created nor holds the task').toBe('TASK.FORBIDDEN');
    expect(h.tasks.reads, 'the refusal should come from the cached copy, without a database read').toBe(readsBefore);
  },
  async malformedIsMiss(h: Harness) {
    await h.cache.set(taskCacheKey('t-1'), { id: 't-1', title: 42, surprise: true }, TASK_CACHE_TTL_SECONDS);
    const view = await h.get('t-1');
    expect(view.title, 'a malformed cache entry must be ignored and the task loaded').toBe('Write the cache chapter');
    expect(h.tasks.reads).toBe(1);
  },
  async permissionOnMiss(h: Harness) {
    expect((await domainError(h.get('t-1', bob))).code, 'bob reads first, on a cold cache: the check applies to a miss too').toBe('TASK.FORBIDDEN');
  },
  async deleteAfterSave(h: Harness) {
    await h.get('t-1');
    const key = taskCacheKey('t-1');
    const save = h.tasks.save.bind(h.tasks);
    let cachedDuringSave: unknown = 'save() was not called';
    h.tasks.save = async (task) => {
      cachedDuringSave = await h.cache.get(key);
      return save(task);
    };
    await h.update('t-1', 'Write the cache chapter, take two');
    // Deleting before the save lets a read in between refill the cache with the old task.
    expect(cachedDuringSave, 'the cached copy while save() runs: it must be deleted after the save, not before').toBeDefined();
    expect(await h.cache.get(key), 'the cached copy after the update').toBeUndefined();
  },
};
