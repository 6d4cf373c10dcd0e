import { expect, it } from 'vitest';
import { DomainError } from '../src/domain/shared/domain-error.js';
import { Task } from '../src/domain/task/task.entity.js';
import { aTask, BUILDER_EPOCH } from '../test/builders/task.builder.js';

it('aTask().build() is a valid TODO task with the documented defaults', () => {
  const task = aTask().build();
  expect(task).toBeInstanceOf(Task);
  expect(task.props).toMatchObject({
    title: 'A task',
    description: '',
    status: 'TODO',
    creatorId: 'u-creator',
    assigneeId: null,
    dueDate: null,
    createdAt: BUILDER_EPOCH,
    updatedAt: BUILDER_EPOCH,
  });
});

it('every fluent method sets its field', () => {
  const created = new Date('2026-02-01T10:00:00.000Z');
  const due = new Date('2026-02-10T17:00:00.000Z');
  const task = aTask().withId('t-42').titled('Review PR #7').describedAs('Tests first').createdBy('u-alice').createdAt(created).dueOn(due).build();
  expect(task.props).toMatchObject({ id: 't-42', title: 'Review PR #7', description: 'Tests first', creatorId: 'u-alice', createdAt: created, dueDate: due });
});

it('assignedTo() gives an IN_PROGRESS task; completed() a COMPLETED one; the order of the two calls does not matter', () => {
  expect(aTask().assignedTo('u-bob').build().props).toMatchObject({ status: 'IN_PROGRESS', assigneeId: 'u-bob' });
  expect(aTask().completed().build().status).toBe('COMPLETED');
  for (const task of [aTask().assignedTo('u-bob').completed().build(), aTask().completed().assignedTo('u-bob').build()]) {
    expect(task.props).toMatchObject({ status: 'COMPLETED', assigneeId: 'u-bob' });
  }
});

it('each build() without withId() gets a new id', () => {
  const builder = aTask();
  const ids = new Set([...Array.from({ length: 20 }, () => builder.build().id), aTask().build().id]);
  expect(ids.size, 'distinct ids among 21 builds made within a few milliseconds').toBe(21);
});

it('builders are immutable: specialising a shared base does not change it', () => {
  const mine = aTask().createdBy('u-me');
  const done = mine.assignedTo('u-bob').completed().titled('Special');
  expect(done.build().props).toMatchObject({ status: 'COMPLETED', title: 'Special', creatorId: 'u-me' });
  expect(mine.build().props, 'the base builder after deriving another from it').toMatchObject({ status: 'TODO', title: 'A task', assigneeId: null, creatorId: 'u-me' });
});

it("the entity's rules still apply: an invalid title throws TASK.INVALID_TITLE", () => {
  let error: unknown;
  try { aTask().titled('no').build(); } catch (e) { error = e; }
  expect(error, 'build() of a task titled "no"').toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('TASK.INVALID_TITLE');
});

it('every fluent method returns a new builder and leaves the one it was called on unchanged', () => {
  const base = aTask().withId('t-base');
  const before = base.build().props;
  const derived = {
    withId: base.withId('t-other'),
    titled: base.titled('Another title'),
    describedAs: base.describedAs('More words'),
    createdBy: base.createdBy('u-other'),
    createdAt: base.createdAt(new Date('2026-04-01T00:00:00.000Z')),
    dueOn: base.dueOn(new Date('2026-04-09T00:00:00.000Z')),
    assignedTo: base.assignedTo('u-bob'),
    completed: base.completed(),
  };
  for (const [method, builder] of Object.entries(derived)) {
    expect(builder, `${method}() must return a new builder, not this`).not.toBe(base);
    expect(base.build().props, `the base builder after calling ${method}() on it`).toEqual(before);
  }
});
