import { describe, expect, it } from 'vitest';
import { Task } from '../../domain/task/task.entity.js';
import { InMemoryTaskRepository } from './in-memory-task.repository.js';

const day = (d: number) => new Date(Date.UTC(2026, 2, d, 9));

describe('InMemoryTaskRepository', () => {
  it('finds a task it saved', async () => {
    const repo = new InMemoryTaskRepository();
    await repo.save(Task.create({ id: 't-1', title: 'Test the fake', creatorId: 'u-alice', now: day(1) }));
    expect((await repo.findById('t-1'))?.title).toBe('Test the fake');
  });

  // TODO: copies, delete, list (filters, paging, total), stats.
});
