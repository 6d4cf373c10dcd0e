import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error.js';
import type { Actor } from '../user/actor.js';
import { assertCanChangeTask, canChangeTask, canSeeTask, type TaskOwnership } from './task-access.policy.js';

const task: TaskOwnership = { id: 't1', creatorId: 'ann', assigneeId: 'bob' };
const creator: Actor = { id: 'ann', role: 'MEMBER' };
const assignee: Actor = { id: 'bob', role: 'MEMBER' };
const stranger: Actor = { id: 'eve', role: 'MEMBER' };
const mentor: Actor = { id: 'meg', role: 'MENTOR' };
const admin: Actor = { id: 'ada', role: 'ADMIN' };

describe('task access policy', () => {
  describe('canSeeTask', () => {
    it('lets the creator and the assignee see the task', () => {
      expect(canSeeTask(task, creator)).toBe(true);
      expect(canSeeTask(task, assignee)).toBe(true);
    });

    it('hides the task from a member who neither created it nor was given it', () => {
      expect(canSeeTask(task, stranger)).toBe(false);
    });

    it('lets mentors and admins see any task', () => {
      expect(canSeeTask(task, mentor)).toBe(true);
      expect(canSeeTask(task, admin)).toBe(true);
    });
  });

  describe('canChangeTask', () => {
    it('follows the same rule as seeing', () => {
      expect(canChangeTask(task, creator)).toBe(true);
      expect(canChangeTask(task, assignee)).toBe(true);
      expect(canChangeTask(task, mentor)).toBe(true);
      expect(canChangeTask(task, stranger)).toBe(false);
    });
  });

  describe('assertCanChangeTask', () => {
    it('throws TASK.FORBIDDEN for an unrelated member', () => {
      let caught: unknown;
      try {
        assertCanChangeTask(task, stranger);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DomainError);
      expect((caught as DomainError).code).toBe('TASK.FORBIDDEN');
    });

    it('returns quietly for everyone allowed to change the task', () => {
      for (const actor of [creator, assignee, mentor, admin]) expect(() => assertCanChangeTask(task, actor)).not.toThrow();
    });
  });
});
