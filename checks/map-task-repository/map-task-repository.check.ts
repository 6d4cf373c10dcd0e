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
