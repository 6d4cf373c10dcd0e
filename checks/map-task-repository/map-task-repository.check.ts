import { expect, it } from 'vitest';
import { Task } from '../src/domain/task/task.entity.js';
import { MapTaskRepository } from '../src/infrastructure/persistence/map-task.repository.js';
import { taskRepositoryContract } from '../src/infrastructure/persistence/task-repository.contract.js';

// The same suite the Prisma adapter passes, run against your repository.
taskRepositoryContract('MapTaskRepository', async () => new MapTaskRepository());

const now = new Date('2026-03-02T09:00:00Z');

it('a task returned by findById is a copy: changing it changes nothing stored until save()', async () => {
  const repo = new MapTaskRepository();
  await repo.save(Task.create({ id: 't-1', title: 'Write the guide', creatorId: 'u-1', now }));
  const found = await repo.findById('t-1');
  found?.complete(now);
  expect((await repo.findById('t-1'))?.status, 'status stored after completing a found copy without save()').toBe('TODO');
});

it('a task changed after save() does not change the stored copy', async () => {
  const repo = new MapTaskRepository();
  const task = Task.create({ id: 't-1', title: 'Write the guide', creatorId: 'u-1', now });
  await repo.save(task);
  task.assign('u-2', now);
  expect((await repo.findById('t-1'))?.assigneeId, 'assignee stored after assigning the saved object without saving again').toBeNull();
});

it('tasks returned by list() are copies too', async () => {
  const repo = new MapTaskRepository();
  await repo.save(Task.create({ id: 't-1', title: 'Write the guide', creatorId: 'u-1', now }));
  const { items } = await repo.list({ page: 1, limit: 10, sort: { field: 'createdAt', direction: 'asc' } });
  items[0]?.complete(now);
  expect((await repo.findById('t-1'))?.status).toBe('TODO');
});

const day = (d: number) => new Date(Date.UTC(2026, 2, d, 9));
const make = (id: string, extra: Partial<Parameters<typeof Task.create>[0]> = {}) =>
  Task.create({ id, title: `Task ${id}`, creatorId: 'u-1', now, ...extra });
const listed = async (repo: MapTaskRepository, c: Partial<Parameters<MapTaskRepository['list']>[0]>) =>
  (await repo.list({ page: 1, limit: 10, sort: { field: 'createdAt', direction: 'asc' }, ...c })).items.map((t) => t.id);

it('null due dates sort last in descending order too (as the Prisma adapter sorts them)', async () => {
  const repo = new MapTaskRepository();
  await repo.save(make('t-1'));
  await repo.save(make('t-2', { dueDate: day(20) }));
  await repo.save(make('t-3', { dueDate: day(10) }));
  expect(await listed(repo, { sort: { field: 'dueDate', direction: 'desc' } })).toEqual(['t-2', 't-3', 't-1']);
});

it('ties are broken by id ascending, in either direction', async () => {
  const repo = new MapTaskRepository();
  for (const id of ['t-2', 't-3', 't-1']) await repo.save(make(id));
  expect(await listed(repo, { sort: { field: 'createdAt', direction: 'asc' } }), 'equal createdAt, ascending').toEqual(['t-1', 't-2', 't-3']);
  expect(await listed(repo, { sort: { field: 'createdAt', direction: 'desc' } }), 'equal createdAt, descending').toEqual(['t-1', 't-2', 't-3']);
});

it('titles sort by code unit (uppercase before lowercase), not by locale', async () => {
  const repo = new MapTaskRepository();
  await repo.save(make('t-1', { title: 'apple' }));
  await repo.save(make('t-2', { title: 'Zebra' }));
  await repo.save(make('t-3', { title: 'Apple' }));
  expect(await listed(repo, { sort: { field: 'title', direction: 'asc' } })).toEqual(['t-3', 't-2', 't-1']);
});

it('total counts every task matching the filters, across all pages', async () => {
  const repo = new MapTaskRepository();
  for (const id of ['t-1', 't-2', 't-3']) await repo.save(make(id));
  await repo.save(make('t-4', { creatorId: 'u-2' }));
  const page = await repo.list({ page: 2, limit: 1, visibleTo: 'u-1', sort: { field: 'createdAt', direction: 'asc' } });
  expect({ items: page.items.map((t) => t.id), total: page.total }).toEqual({ items: ['t-2'], total: 3 });
});

it('stats() for a user counts the tasks they created as well as those assigned to them', async () => {
  const repo = new MapTaskRepository();
  await repo.save(make('t-1', { creatorId: 'u-erin' }));
  const assigned = make('t-2');
  assigned.assign('u-erin', now);
  await repo.save(assigned);
  await repo.save(make('t-3'));
  expect(await repo.stats({ now, visibleTo: 'u-erin' })).toEqual({ total: 2, byStatus: { TODO: 1, IN_PROGRESS: 1, COMPLETED: 0 }, overdue: 0 });
});

it('a task due exactly at now is not overdue yet; one due a millisecond earlier is', async () => {
  const repo = new MapTaskRepository();
  await repo.save(make('t-1', { dueDate: new Date(now.getTime()) }));
  expect((await repo.stats({ now })).overdue, 'due at now').toBe(0);
  await repo.save(make('t-2', { dueDate: new Date(now.getTime() - 1) }));
  expect((await repo.stats({ now })).overdue, 'due 1 ms before now').toBe(1);
});
