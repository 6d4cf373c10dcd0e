import { beforeEach, describe, expect, it } from 'vitest';
import { Task } from '../../domain/task/task.entity.js';
import type { TaskListCriteria } from '../../domain/task/task.repository.js';
import { InMemoryTaskRepository } from './in-memory-task.repository.js';

const day = (d: number) => new Date(Date.UTC(2026, 2, d, 9));
const byCreated: TaskListCriteria['sort'] = { field: 'createdAt', direction: 'asc' };
const make = (n: number, extra: Partial<Parameters<typeof Task.create>[0]> = {}) =>
  Task.create({ id: `t-${n}`, title: `Task number ${n}`, creatorId: 'u-alice', now: day(n), ...extra });

let repo: InMemoryTaskRepository;
beforeEach(() => {
  repo = new InMemoryTaskRepository();
});

describe('copies in and out', () => {
  it('a task changed after findById is unchanged in the repository until saved', async () => {
    await repo.save(make(1));
    (await repo.findById('t-1'))?.complete(day(2));
    expect((await repo.findById('t-1'))?.status).toBe('TODO');
  });
});

describe('delete', () => {
  it('answers true when it removed the task and false when there was nothing to remove', async () => {
    await repo.save(make(1));
    expect(await repo.delete('t-1')).toBe(true);
    expect(await repo.findById('t-1')).toBeNull();
    expect(await repo.delete('t-1')).toBe(false);
  });
});

describe('list', () => {
  it('pages from (page - 1) * limit and counts every match in total', async () => {
    for (let n = 1; n <= 5; n++) await repo.save(make(n));
    const page = await repo.list({ page: 2, limit: 2, sort: byCreated });
    expect(page.items.map((t) => t.id)).toEqual(['t-3', 't-4']);
    expect(page.total).toBe(5);
  });

  it('visibleTo matches tasks the user created or is assigned to', async () => {
    const bobs = make(1);
    bobs.assign('u-bob', day(2));
    await repo.save(bobs);
    await repo.save(make(2, { creatorId: 'u-bob' }));
    await repo.save(make(3));
    const { items } = await repo.list({ page: 1, limit: 10, sort: byCreated, visibleTo: 'u-bob' });
    expect(items.map((t) => t.id)).toEqual(['t-1', 't-2']);
  });
});

describe('stats', () => {
  it('a completed task is never overdue; open tasks past their due date are', async () => {
    const late = make(1, { dueDate: day(3) });
    const lateButDone = make(2, { dueDate: day(3) });
    lateButDone.complete(day(4));
    await repo.save(late);
    await repo.save(lateButDone);
    await repo.save(make(3, { dueDate: day(20) }));
    expect(await repo.stats({ now: day(10) })).toEqual({ total: 3, byStatus: { TODO: 2, IN_PROGRESS: 0, COMPLETED: 1 }, overdue: 1 });
  });
});

describe('the other promises of the port', () => {
  it('a task changed after list is unchanged in the repository until saved', async () => {
    await repo.save(make(1));
    (await repo.list({ page: 1, limit: 10, sort: byCreated })).items[0]?.complete(day(2));
    expect((await repo.findById('t-1'))?.status).toBe('TODO');
  });

  it('list filters by status and by assigneeId', async () => {
    const bobs = make(1);
    bobs.assign('u-bob', day(2));
    const carols = make(2);
    carols.assign('u-carol', day(2));
    await repo.save(bobs);
    await repo.save(carols);
    await repo.save(make(3));
    expect((await repo.list({ page: 1, limit: 10, sort: byCreated, status: 'TODO' })).items.map((t) => t.id)).toEqual(['t-3']);
    expect((await repo.list({ page: 1, limit: 10, sort: byCreated, assigneeId: 'u-bob' })).items.map((t) => t.id)).toEqual(['t-1']);
  });

  it('list sorts in the direction asked for', async () => {
    for (let n = 1; n <= 3; n++) await repo.save(make(n));
    const page = await repo.list({ page: 1, limit: 10, sort: { field: 'createdAt', direction: 'desc' } });
    expect(page.items.map((t) => t.id)).toEqual(['t-3', 't-2', 't-1']);
  });

  it("stats for one user counts only that user's tasks, and a task due exactly now is not overdue yet", async () => {
    await repo.save(make(1, { dueDate: day(10) }));
    await repo.save(make(2, { creatorId: 'u-bob', dueDate: day(3) }));
    expect(await repo.stats({ now: day(10), visibleTo: 'u-alice' })).toEqual({ total: 1, byStatus: { TODO: 1, IN_PROGRESS: 0, COMPLETED: 0 }, overdue: 0 });
  });
});
