import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApplicationHarness, type ApplicationHarness } from '../../../test/fixtures/application-harness.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import type { Actor } from '../../domain/user/actor.js';
import { UserRole } from '../../domain/user/user-role.js';
import { CreateTaskCommand } from '../commands/create-task.command.js';
import { UpdateTaskCommand } from '../commands/update-task.command.js';
import { TASK_CACHE_TTL_SECONDS, taskCacheKey } from '../ports/cache.port.js';
import { GetTaskStatsQuery } from './get-task-stats.query.js';
import { GetTaskQuery } from './get-task.query.js';
import { ListTasksQuery } from './list-tasks.query.js';

let app: ApplicationHarness;
let alice: Actor;
let carol: Actor;
let mentor: Actor;

beforeEach(async () => {
  app = await createApplicationHarness();
  alice = await app.seedUser('alice');
  carol = await app.seedUser('carol');
  mentor = await app.seedUser('mia', UserRole.MENTOR);
});
afterEach(() => app.close());

const createTask = (title = 'Cache me if you can') => app.commandBus.execute(new CreateTaskCommand({ title }, alice));

describe('GetTaskHandler (cache-aside)', () => {
  it('reads the database once, then serves the cached copy until the TTL passes', async () => {
    const { id } = await createTask();
    const findById = vi.spyOn(app.tasks, 'findById');
    const first = await app.queryBus.execute(new GetTaskQuery(id, alice));
    const second = await app.queryBus.execute(new GetTaskQuery(id, alice));
    expect(second).toEqual(first);
    expect(findById).toHaveBeenCalledTimes(1);
    expect(await app.cache.get(taskCacheKey(id))).toEqual(first);

    app.clock.advance(TASK_CACHE_TTL_SECONDS * 1000 + 1);
    await app.queryBus.execute(new GetTaskQuery(id, alice));
    expect(findById, 'after the TTL the database must be read again').toHaveBeenCalledTimes(2);
  });

  it('a write invalidates the cache so the next read sees it', async () => {
    const { id } = await createTask();
    await app.queryBus.execute(new GetTaskQuery(id, alice));
    await app.commandBus.execute(new UpdateTaskCommand(id, { title: 'Renamed' }, alice));
    expect((await app.queryBus.execute(new GetTaskQuery(id, alice))).title).toBe('Renamed');
  });

  it('treats a malformed cache entry as a miss instead of returning it', async () => {
    const { id } = await createTask();
    await app.cache.set(taskCacheKey(id), { id, title: 42 }, 60);
    expect((await app.queryBus.execute(new GetTaskQuery(id, alice))).title).toBe('Cache me if you can');
  });

  it('checks visibility on cached reads too, and reports a missing task', async () => {
    const { id } = await createTask();
    await app.queryBus.execute(new GetTaskQuery(id, alice)); // cached now
    const forbidden = await app.queryBus.execute(new GetTaskQuery(id, carol)).catch((e: unknown) => e);
    expect(forbidden).toBeInstanceOf(DomainError);
    expect((forbidden as DomainError).code).toBe('TASK.FORBIDDEN');
    await expect(app.queryBus.execute(new GetTaskQuery(id, mentor))).resolves.toMatchObject({ id });
    const missing = await app.queryBus.execute(new GetTaskQuery('missing', alice)).catch((e: unknown) => e);
    expect((missing as DomainError).code).toBe('TASK.NOT_FOUND');
  });
});

describe('ListTasksHandler and GetTaskStatsHandler', () => {
  it('limits members to their tasks, computes totalPages, and rejects a page size over 100', async () => {
    for (let i = 0; i < 3; i++) await createTask(`Alice task ${i}`);
    const sort = { field: 'createdAt' as const, direction: 'asc' as const };
    const mine = await app.queryBus.execute(new ListTasksQuery({ page: 1, limit: 2, sort }, alice));
    expect(mine.meta).toEqual({ total: 3, page: 1, limit: 2, totalPages: 2 });
    expect((await app.queryBus.execute(new ListTasksQuery({ page: 1, limit: 2, sort }, carol))).meta.total).toBe(0);
    expect((await app.queryBus.execute(new ListTasksQuery({ page: 1, limit: 2, sort }, mentor))).meta.total).toBe(3);
    const tooBig = await app.queryBus.execute(new ListTasksQuery({ page: 1, limit: 101, sort }, alice)).catch((e: unknown) => e);
    expect((tooBig as DomainError).code).toBe('TASK.INVALID_PAGE');
  });

  it('counts per status for the caller', async () => {
    await createTask();
    expect(await app.queryBus.execute(new GetTaskStatsQuery(alice))).toEqual({ total: 1, byStatus: { TODO: 1, IN_PROGRESS: 0, COMPLETED: 0 }, overdue: 0 });
    expect((await app.queryBus.execute(new GetTaskStatsQuery(carol))).total).toBe(0);
  });
});
