// write-tests exercise: the learner's spec is graded against the reference policy and the mutants in
// mutants/. This check only pins down the reference behaviour the mutants deviate from.
import { expect, it } from 'vitest';
import { assertCanChangeTask, canSeeTask } from '../src/domain/task/task-access.policy.js';

it('the reference policy lets creator, assignee, mentor and admin in and keeps other members out', () => {
  const task = { id: 't', creatorId: 'c', assigneeId: 'a' };
  expect(canSeeTask(task, { id: 'c', role: 'MEMBER' })).toBe(true);
  expect(canSeeTask(task, { id: 'a', role: 'MEMBER' })).toBe(true);
  expect(canSeeTask(task, { id: 'm', role: 'MENTOR' })).toBe(true);
  expect(canSeeTask(task, { id: 'x', role: 'ADMIN' })).toBe(true);
  expect(canSeeTask(task, { id: 'o', role: 'MEMBER' })).toBe(false);
  expect(() => assertCanChangeTask(task, { id: 'o', role: 'MEMBER' })).toThrow();
});
