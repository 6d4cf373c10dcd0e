import { describe, expect, it } from 'vitest';
import { DomainError } from '../src/domain/shared/domain-error.js';
import { Task } from '../src/domain/task/task.entity.js';

const created = new Date('2026-01-05T09:00:00.000Z');
const later = new Date('2026-01-06T17:30:00.000Z');
const evenLater = new Date('2026-01-07T08:00:00.000Z');

function newTask(): Task {
  return Task.create({ id: 'task-1', title: 'Write the report', description: 'Quarterly numbers', creatorId: 'user-1', now: created });
}

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('Task.complete()', () => {
  it('complete() moves a TODO task to COMPLETED', () => {
    const task = newTask();
    task.complete(later);
    expect(task.status, 'status after complete()').toBe('COMPLETED');
    expect(task.isCompleted, 'isCompleted after complete()').toBe(true);
  });

  it('complete() moves an assigned (IN_PROGRESS) task to COMPLETED and keeps its assignee', () => {
    const task = newTask();
    task.assign('user-2', created);
    task.complete(later);
    expect(task.status, 'status after complete()').toBe('COMPLETED');
    expect(task.assigneeId, 'assigneeId after complete()').toBe('user-2');
  });

  it('complete() sets updatedAt to the time it is given', () => {
    const task = newTask();
    task.complete(later);
    expect(task.updatedAt.toISOString(), 'updatedAt after complete(later)').toBe(later.toISOString());
  });

  it('complete() leaves title, description, creator and creation date unchanged', () => {
    const task = newTask();
    task.complete(later);
    expect({ title: task.title, description: task.description, creatorId: task.creatorId, createdAt: task.createdAt.toISOString() }).toEqual({
      title: 'Write the report',
      description: 'Quarterly numbers',
      creatorId: 'user-1',
      createdAt: created.toISOString(),
    });
  });

  it('complete() throws a DomainError TASK.ALREADY_COMPLETED when the task is already completed', () => {
    const task = newTask();
    task.complete(later);
    const error = thrown(() => task.complete(evenLater));
    expect(error, 'completing a completed task must throw').toBeInstanceOf(DomainError);
    expect((error as DomainError).code, 'the error code').toBe('TASK.ALREADY_COMPLETED');
  });

  it('a rejected second complete() leaves the task as it was', () => {
    const task = newTask();
    task.complete(later);
    thrown(() => task.complete(evenLater));
    expect(task.status).toBe('COMPLETED');
    expect(task.updatedAt.toISOString(), 'updatedAt must keep the first completion time').toBe(later.toISOString());
  });

  it('complete() keeps the id and the due date', () => {
    const due = new Date('2026-01-31T12:00:00.000Z');
    const task = Task.create({ id: 'task-2', title: 'File the taxes', creatorId: 'user-1', dueDate: due, now: created });
    task.complete(later);
    expect({ id: task.id, dueDate: task.dueDate?.toISOString() ?? null }).toEqual({ id: 'task-2', dueDate: due.toISOString() });
  });

  it('a rejected second complete() leaves every field as it was, the assignee included', () => {
    const task = newTask();
    task.assign('user-2', created);
    task.complete(later);
    const before = JSON.stringify(task.props);
    thrown(() => task.complete(evenLater));
    expect(JSON.stringify(task.props), 'the task after the refused second complete()').toBe(before);
  });
});
