import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplicationHarness, type ApplicationHarness } from '../../../test/fixtures/application-harness.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import {
  TaskAssignedEvent,
  TaskCompletedEvent,
  TaskCreatedEvent,
  TaskDeletedEvent,
  TaskUpdatedEvent,
} from '../../domain/task/task.events.js';
import type { Actor } from '../../domain/user/actor.js';
import { UserRole } from '../../domain/user/user-role.js';
import { taskCacheKey } from '../ports/cache.port.js';
import { AssignTaskCommand } from './assign-task.command.js';
import { CompleteTaskCommand } from './complete-task.command.js';
import { CreateTaskCommand } from './create-task.command.js';
import { DeleteTaskCommand } from './delete-task.command.js';
import { UpdateTaskCommand } from './update-task.command.js';

let app: ApplicationHarness;
let alice: Actor;
let bob: Actor;
let mentor: Actor;

beforeEach(async () => {
  app = await createApplicationHarness();
  alice = await app.seedUser('alice');
  bob = await app.seedUser('bob');
  mentor = await app.seedUser('mia', UserRole.MENTOR);
});
afterEach(() => app.close());

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const create = (actor: Actor, title = 'Plan the sprint') =>
  app.commandBus.execute(new CreateTaskCommand({ title }, actor));

describe('CreateTaskHandler', () => {
  it('saves the task as the actor’s, returns its view and publishes TaskCreated', async () => {
    const view = await create(alice);
    expect(view).toMatchObject({ title: 'Plan the sprint', status: 'TODO', creatorId: alice.id, assigneeId: null });
    expect((await app.tasks.findById(view.id))?.title).toBe('Plan the sprint');
    expect(app.events).toHaveLength(1);
    expect(app.events[0]).toBeInstanceOf(TaskCreatedEvent);
  });

  it('does not save or publish when the title is invalid', async () => {
    expect((await rejection(create(alice, 'no'))).code).toBe('TASK.INVALID_TITLE');
    expect(app.events).toHaveLength(0);
    expect((await app.tasks.list({ page: 1, limit: 10, sort: { field: 'createdAt', direction: 'asc' } })).total).toBe(0);
  });
});

describe('AssignTaskHandler', () => {
  it('assigns, moves to IN_PROGRESS, publishes TaskAssigned and notifies the assignee', async () => {
    const { id } = await create(alice);
    const view = await app.commandBus.execute(new AssignTaskCommand(id, bob.id, alice));
    expect(view).toMatchObject({ assigneeId: bob.id, status: 'IN_PROGRESS' });
    expect((await app.tasks.findById(id))?.assigneeId).toBe(bob.id);
    expect(app.events.at(-1)).toBeInstanceOf(TaskAssignedEvent);
    await app.settle();
    expect(app.notifications).toEqual([expect.objectContaining({ kind: 'task.assigned', recipientId: bob.id, taskId: id })]);
  });

  it('rejects an unknown assignee with USER.NOT_FOUND and an unknown task with TASK.NOT_FOUND', async () => {
    const { id } = await create(alice);
    expect((await rejection(app.commandBus.execute(new AssignTaskCommand(id, 'nobody', alice)))).code).toBe('USER.NOT_FOUND');
    expect((await rejection(app.commandBus.execute(new AssignTaskCommand('missing', bob.id, alice)))).code).toBe('TASK.NOT_FOUND');
  });

  it('forbids a member who neither created nor holds the task', async () => {
    const { id } = await create(alice);
    expect((await rejection(app.commandBus.execute(new AssignTaskCommand(id, bob.id, bob)))).code).toBe('TASK.FORBIDDEN');
    await expect(app.commandBus.execute(new AssignTaskCommand(id, bob.id, mentor))).resolves.toMatchObject({ assigneeId: bob.id });
  });

  it('invalidates the cached copy before answering', async () => {
    const { id } = await create(alice);
    await app.cache.set(taskCacheKey(id), { stale: true }, 60);
    await app.commandBus.execute(new AssignTaskCommand(id, bob.id, alice));
    expect(await app.cache.get(taskCacheKey(id))).toBeUndefined();
  });
});

describe('CompleteTaskHandler', () => {
  it('completes once, then answers TASK.ALREADY_COMPLETED without publishing again', async () => {
    const { id } = await create(alice);
    await app.commandBus.execute(new AssignTaskCommand(id, bob.id, alice));
    await expect(app.commandBus.execute(new CompleteTaskCommand(id, bob))).resolves.toMatchObject({ status: 'COMPLETED' });
    const published = app.events.length;
    expect((await rejection(app.commandBus.execute(new CompleteTaskCommand(id, bob)))).code).toBe('TASK.ALREADY_COMPLETED');
    expect(app.events).toHaveLength(published);
    expect(app.events.at(-1)).toBeInstanceOf(TaskCompletedEvent);
    await app.settle();
    expect(app.notifications.at(-1)).toMatchObject({ kind: 'task.completed', recipientId: alice.id });
  });
});

describe('UpdateTaskHandler and DeleteTaskHandler', () => {
  it('updates the given fields and publishes TaskUpdated', async () => {
    const { id } = await create(alice);
    app.clock.advance(1000);
    const view = await app.commandBus.execute(new UpdateTaskCommand(id, { description: 'details' }, alice));
    expect(view.description).toBe('details');
    expect(view.updatedAt).not.toBe(view.createdAt);
    expect(app.events.at(-1)).toBeInstanceOf(TaskUpdatedEvent);
  });

  it('deletes, publishes TaskDeleted, and a second delete is TASK.NOT_FOUND', async () => {
    const { id } = await create(alice);
    await app.commandBus.execute(new DeleteTaskCommand(id, alice));
    expect(await app.tasks.findById(id)).toBeNull();
    expect(app.events.at(-1)).toBeInstanceOf(TaskDeletedEvent);
    expect((await rejection(app.commandBus.execute(new DeleteTaskCommand(id, alice)))).code).toBe('TASK.NOT_FOUND');
  });

  it('every change is audited and broadcast to creator and assignee', async () => {
    const { id } = await create(alice);
    await app.commandBus.execute(new AssignTaskCommand(id, bob.id, alice));
    await app.settle();
    expect((await app.audit.recent(10)).map((e) => e.action)).toEqual(['task.assigned', 'task.created']);
    expect(app.broadcasts.map((b) => b.event)).toEqual(['task:created', 'task:updated']);
    expect(app.broadcasts.at(-1)?.audience.sort()).toEqual([alice.id, bob.id].sort());
  });
});
