import { describe, expect, it } from 'vitest';
import { isDomainError } from '../shared/domain-error.js';
import { UserRole } from '../user/user-role.js';
import { assertCanChangeTask, canSeeTask } from './task-access.policy.js';

const task = { id: 't-1', creatorId: 'creator', assigneeId: 'assignee' };

describe('task access policy', () => {
  it('lets the creator and the assignee see and change the task', () => {
    for (const id of ['creator', 'assignee']) {
      expect(canSeeTask(task, { id, role: UserRole.MEMBER })).toBe(true);
      expect(() => assertCanChangeTask(task, { id, role: UserRole.MEMBER })).not.toThrow();
    }
  });

  it('forbids other members with TASK.FORBIDDEN', () => {
    const stranger = { id: 'stranger', role: UserRole.MEMBER };
    expect(canSeeTask(task, stranger)).toBe(false);
    let thrown: unknown;
    try {
      assertCanChangeTask(task, stranger);
    } catch (error) {
      thrown = error;
    }
    expect(isDomainError(thrown, 'TASK.FORBIDDEN')).toBe(true);
  });

  it('lets mentors and admins see every task', () => {
    expect(canSeeTask(task, { id: 'm', role: UserRole.MENTOR })).toBe(true);
    expect(canSeeTask(task, { id: 'a', role: UserRole.ADMIN })).toBe(true);
  });
});
