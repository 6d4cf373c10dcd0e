import { expect, it } from 'vitest';
import { nextState, type LifecycleState, type TaskAction } from '../src/domain/task/task-lifecycle.js';

const todo: LifecycleState = { status: 'TODO', assigneeId: null };
const doing: LifecycleState = { status: 'IN_PROGRESS', assigneeId: 'u-bob' };
const doneAssigned: LifecycleState = { status: 'COMPLETED', assigneeId: 'u-bob' };
const doneAlone: LifecycleState = { status: 'COMPLETED', assigneeId: null };

const ok = (status: LifecycleState['status'], assigneeId: string | null) => ({ ok: true, status, assigneeId });
const no = (code: string) => ({ ok: false, code });

it('assign moves TODO or IN_PROGRESS to IN_PROGRESS with the new assignee, and refuses a completed task', () => {
  const action: TaskAction = { type: 'assign', userId: 'u-carol' };
  expect(nextState(todo, action)).toEqual(ok('IN_PROGRESS', 'u-carol'));
  expect(nextState(doing, action)).toEqual(ok('IN_PROGRESS', 'u-carol'));
  expect(nextState(doneAssigned, action)).toEqual(no('TASK.CANNOT_ASSIGN_COMPLETED'));
});

it('unassign moves IN_PROGRESS back to TODO without assignee; refuses TODO (NOT_ASSIGNED) and COMPLETED', () => {
  expect(nextState(doing, { type: 'unassign' })).toEqual(ok('TODO', null));
  expect(nextState(todo, { type: 'unassign' })).toEqual(no('TASK.NOT_ASSIGNED'));
  expect(nextState(doneAssigned, { type: 'unassign' })).toEqual(no('TASK.ALREADY_COMPLETED'));
});

it('complete keeps the assignee and refuses a task that is already completed', () => {
  expect(nextState(todo, { type: 'complete' })).toEqual(ok('COMPLETED', null));
  expect(nextState(doing, { type: 'complete' })).toEqual(ok('COMPLETED', 'u-bob'));
  expect(nextState(doneAlone, { type: 'complete' })).toEqual(no('TASK.ALREADY_COMPLETED'));
});

it('reopen sends a completed task to IN_PROGRESS when it has an assignee, to TODO otherwise, and refuses open tasks', () => {
  expect(nextState(doneAssigned, { type: 'reopen' })).toEqual(ok('IN_PROGRESS', 'u-bob'));
  expect(nextState(doneAlone, { type: 'reopen' })).toEqual(ok('TODO', null));
  expect(nextState(todo, { type: 'reopen' })).toEqual(no('TASK.NOT_COMPLETED'));
  expect(nextState(doing, { type: 'reopen' })).toEqual(no('TASK.NOT_COMPLETED'));
});

it('an unknown action arriving at run time is a TypeError naming it', () => {
  expect(() => nextState(todo, { type: 'archive' } as unknown as TaskAction)).toThrow(TypeError);
  expect(() => nextState(todo, { type: 'archive' } as unknown as TaskAction)).toThrow(/archive/);
});

it('nextState leaves the state it was given unchanged', () => {
  // Fresh literals: the shared states above could themselves have been changed by earlier checks.
  const state: LifecycleState = { status: 'IN_PROGRESS', assigneeId: 'u-bob' };
  nextState(state, { type: 'unassign' });
  nextState(state, { type: 'complete' });
  expect(state, 'the state passed to nextState').toEqual({ status: 'IN_PROGRESS', assigneeId: 'u-bob' });
});

it('an unknown action named like a built-in object property (toString, constructor, __proto__) is a TypeError too', () => {
  for (const type of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
    expect(() => nextState(todo, { type } as unknown as TaskAction), `action type "${type}"`).toThrow(TypeError);
  }
});
