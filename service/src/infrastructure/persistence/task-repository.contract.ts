import { beforeEach, describe, expect, it } from 'vitest';
import { Task } from '../../domain/task/task.entity.js';
import type { TaskListCriteria, TaskRepository } from '../../domain/task/task.repository.js';

/**
 * One behavioural suite for every TaskRepository adapter: if the in-memory one and the Prisma
 * one both pass it, handlers cannot tell them apart. `fresh` must return an empty repository.
 */
export function taskRepositoryContract(name: string, fresh: () => Promise<TaskRepository>): void {
  describe(`TaskRepository contract: ${name}`, () => {
    let repo: TaskRepository;
    beforeEach(async () => {
      repo = await fresh();
    });

    const at = (iso: string) => new Date(`2026-01-${iso}Z`);
    const byCreated: TaskListCriteria['sort'] = { field: 'createdAt', direction: 'asc' };
    const make = (n: number, extra: Partial<Parameters<typeof Task.create>[0]> = {}) =>
      Task.create({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, title: `Task number ${n}`, creatorId: 'alice', now: at(`${String(n).padStart(2, '0')}T10:00:00`), ...extra });

    it('saves and finds a task with every field intact', async () => {
      const task = make(1, { description: 'with details', dueDate: at('20T12:00:00.123') });
      task.assign('bob', at('02T00:00:00'));
      await repo.save(task);
      expect((await repo.findById(task.id))?.props).toEqual(task.props);
      expect(await repo.findById('00000000-0000-4000-8000-999999999999')).toBeNull();
    });

    it('save() updates an existing task instead of inserting a second one', async () => {
      const task = make(1);
      await repo.save(task);
      task.complete(at('03T00:00:00'));
      await repo.save(task);
      expect((await repo.findById(task.id))?.status).toBe('COMPLETED');
      expect((await repo.list({ page: 1, limit: 10, sort: byCreated })).total).toBe(1);
    });

    it('delete() removes and reports whether anything was removed', async () => {
      const task = make(1);
      await repo.save(task);
      expect(await repo.delete(task.id)).toBe(true);
      expect(await repo.findById(task.id)).toBeNull();
      expect(await repo.delete(task.id)).toBe(false);
    });

    it('list() pages, counts, filters and sorts', async () => {
      for (let n = 1; n <= 5; n++) await repo.save(make(n));
      const page2 = await repo.list({ page: 2, limit: 2, sort: byCreated });
      expect(page2.total).toBe(5);
      expect(page2.items.map((t) => t.title)).toEqual(['Task number 3', 'Task number 4']);
      const newestFirst = await repo.list({ page: 1, limit: 1, sort: { field: 'createdAt', direction: 'desc' } });
      expect(newestFirst.items[0]?.title).toBe('Task number 5');
      expect((await repo.list({ page: 9, limit: 2, sort: byCreated })).items).toEqual([]);
    });

    it('list() filters by status, assignee and visibility', async () => {
      const assigned = make(1);
      assigned.assign('bob', at('05T00:00:00'));
      const done = make(2, { creatorId: 'carol' });
      done.complete(at('05T00:00:00'));
      await repo.save(assigned);
      await repo.save(done);
      await repo.save(make(3, { creatorId: 'carol' }));
      const ids = async (c: Partial<TaskListCriteria>) =>
        (await repo.list({ page: 1, limit: 10, sort: byCreated, ...c })).items.map((t) => t.title);
      expect(await ids({ status: 'COMPLETED' })).toEqual(['Task number 2']);
      expect(await ids({ assigneeId: 'bob' })).toEqual(['Task number 1']);
      expect(await ids({ visibleTo: 'bob' })).toEqual(['Task number 1']);
      expect(await ids({ visibleTo: 'carol' })).toEqual(['Task number 2', 'Task number 3']);
      expect(await ids({ visibleTo: 'carol', status: 'TODO' })).toEqual(['Task number 3']);
    });

    it('list() sorts by due date with tasks without one last', async () => {
      await repo.save(make(1));
      await repo.save(make(2, { dueDate: at('20T00:00:00') }));
      await repo.save(make(3, { dueDate: at('10T00:00:00') }));
      const { items } = await repo.list({ page: 1, limit: 10, sort: { field: 'dueDate', direction: 'asc' } });
      expect(items.map((t) => t.title)).toEqual(['Task number 3', 'Task number 2', 'Task number 1']);
    });

    it('list() keeps tasks without a due date last when sorting by due date descending too', async () => {
      await repo.save(make(1));
      await repo.save(make(2, { dueDate: at('20T00:00:00') }));
      await repo.save(make(3, { dueDate: at('10T00:00:00') }));
      const { items } = await repo.list({ page: 1, limit: 10, sort: { field: 'dueDate', direction: 'desc' } });
      expect(items.map((t) => t.title)).toEqual(['Task number 2', 'Task number 3', 'Task number 1']);
    });

    it('stats() counts per status and overdue, for everyone or one user', async () => {
      const late = make(1, { dueDate: at('02T00:00:00') });
      const lateButDone = make(2, { dueDate: at('02T00:00:00') });
      lateButDone.complete(at('03T00:00:00'));
      const carols = make(3, { creatorId: 'carol' });
      carols.assign('dave', at('03T00:00:00'));
      for (const t of [late, lateButDone, carols]) await repo.save(t);
      const now = at('15T00:00:00');
      expect(await repo.stats({ now })).toEqual({ total: 3, byStatus: { TODO: 1, IN_PROGRESS: 1, COMPLETED: 1 }, overdue: 1 });
      expect(await repo.stats({ now, visibleTo: 'dave' })).toEqual({ total: 1, byStatus: { TODO: 0, IN_PROGRESS: 1, COMPLETED: 0 }, overdue: 0 });
    });
  });
}
