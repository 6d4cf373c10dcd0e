import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error.js';
import { Task } from './task.entity.js';
import { TaskStatus } from './task-status.js';

const t0 = new Date('2026-01-05T09:00:00Z');
const t1 = new Date('2026-01-05T10:00:00Z');

function newTask(overrides: Partial<Parameters<typeof Task.create>[0]> = {}): Task {
  return Task.create({ title: 'Write the README', creatorId: 'u-creator', now: t0, ...overrides });
}

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

describe('Task.create', () => {
  it('starts in TODO, unassigned, with trimmed title and both timestamps set to now', () => {
    const task = newTask({ title: '  Write the README  ', description: '  why  ', id: 't-1' });
    expect(task.props).toEqual({
      id: 't-1',
      title: 'Write the README',
      description: 'why',
      status: TaskStatus.TODO,
      creatorId: 'u-creator',
      assigneeId: null,
      dueDate: null,
      createdAt: t0,
      updatedAt: t0,
    });
  });

  it('generates a UUID when no id is given', () => {
    expect(newTask().id).toMatch(/^[0-9a-f-]{36}$/);
    expect(newTask().id).not.toBe(newTask().id);
  });

  it.each([
    ['ab', 'TASK.INVALID_TITLE'],
    ['   ab   ', 'TASK.INVALID_TITLE'],
    ['x'.repeat(101), 'TASK.INVALID_TITLE'],
  ])('rejects the title %j with %s', (title, code) => {
    expect(codeOf(() => newTask({ title }))).toBe(code);
  });

  it('accepts titles of exactly 3 and 100 characters', () => {
    expect(newTask({ title: 'abc' }).title).toBe('abc');
    expect(newTask({ title: 'y'.repeat(100) }).title).toHaveLength(100);
  });

  it('rejects a description over 1000 characters and accepts exactly 1000', () => {
    expect(codeOf(() => newTask({ description: 'd'.repeat(1001) }))).toBe('TASK.INVALID_DESCRIPTION');
    expect(newTask({ description: 'd'.repeat(1000) }).description).toHaveLength(1000);
  });

  it('rejects an invalid due date', () => {
    expect(codeOf(() => newTask({ dueDate: new Date('not a date') }))).toBe('TASK.INVALID_DUE_DATE');
  });
});

describe('Task behaviour', () => {
  it('complete() moves to COMPLETED and stamps updatedAt', () => {
    const task = newTask();
    task.complete(t1);
    expect(task.status).toBe(TaskStatus.COMPLETED);
    expect(task.isCompleted).toBe(true);
    expect(task.updatedAt).toEqual(t1);
  });

  it('complete() on a completed task throws TASK.ALREADY_COMPLETED and changes nothing', () => {
    const task = newTask();
    task.complete(t1);
    expect(codeOf(() => task.complete(new Date('2026-02-01T00:00:00Z')))).toBe('TASK.ALREADY_COMPLETED');
    expect(task.updatedAt).toEqual(t1);
  });

  it('assign() sets the assignee and IN_PROGRESS', () => {
    const task = newTask();
    task.assign('u-intern', t1);
    expect(task.assigneeId).toBe('u-intern');
    expect(task.status).toBe(TaskStatus.IN_PROGRESS);
    expect(task.updatedAt).toEqual(t1);
  });

  it('assign() on a completed task throws TASK.CANNOT_ASSIGN_COMPLETED', () => {
    const task = newTask();
    task.complete(t1);
    expect(codeOf(() => task.assign('u-intern', t1))).toBe('TASK.CANNOT_ASSIGN_COMPLETED');
    expect(task.assigneeId).toBeNull();
  });

  it('update() changes only the given fields, validates them, and can clear the due date', () => {
    const due = new Date('2026-03-01T00:00:00Z');
    const task = newTask({ description: 'keep me', dueDate: due });
    task.update({ title: ' New title ' }, t1);
    expect(task.title).toBe('New title');
    expect(task.description).toBe('keep me');
    expect(task.dueDate).toEqual(due);
    task.update({ dueDate: null }, t1);
    expect(task.dueDate).toBeNull();
    expect(codeOf(() => task.update({ title: 'no' }, t1))).toBe('TASK.INVALID_TITLE');
    expect(task.title, 'a rejected update must leave the task unchanged').toBe('New title');
  });

  it('props and toJSON() are copies: changing them does not change the task', () => {
    const task = newTask();
    const snapshot = task.props;
    snapshot.title = 'mutated';
    expect(task.title).toBe('Write the README');
    expect(task.toJSON()).toEqual(task.props);
  });

  it('restore() rebuilds a task with the same props', () => {
    const original = newTask();
    original.assign('u-2', t1);
    expect(Task.restore(original.props).props).toEqual(original.props);
  });
});
