import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplicationHarness, type ApplicationHarness } from '../../../test/fixtures/application-harness.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import { TaskAssignedEvent } from '../../domain/task/task.events.js';
import type { Actor } from '../../domain/user/actor.js';
import { GetTaskQuery } from '../queries/get-task.query.js';
import { AssignTaskCommand } from './assign-task.command.js';
import { CompleteTaskCommand } from './complete-task.command.js';
import { CreateTaskCommand } from './create-task.command.js';

// The harness wires every handler with in-memory adapters: app.commandBus, app.queryBus,
// app.tasks (repository), app.events (published events), app.seedUser(name) → an Actor.
let app: ApplicationHarness;
let alice: Actor;
let bob: Actor;
let carol: Actor;

beforeEach(async () => {
  app = await createApplicationHarness();
  alice = await app.seedUser('alice');
  bob = await app.seedUser('bob');
  carol = await app.seedUser('carol');
});
afterEach(() => app.close());

/** Alice creates a task and returns its id. */
async function aliceCreatesATask(): Promise<string> {
  const view = await app.commandBus.execute(new CreateTaskCommand({ title: 'Review the pull request' }, alice));
  return view.id;
}

const assign = (taskId: string, assigneeId: string, actor: Actor) =>
  app.commandBus.execute(new AssignTaskCommand(taskId, assigneeId, actor));

/** The DomainError a promise rejects with (fails the test if it resolves or throws something else). */
async function domainError(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('AssignTaskHandler', () => {
  it('returns the task with its new assignee, in progress', async () => {
    const id = await aliceCreatesATask();
    const view = await assign(id, bob.id, alice);
    expect(view).toMatchObject({ id, assigneeId: bob.id, status: 'IN_PROGRESS' });
  });

  it('saves the assignment', async () => {
    const id = await aliceCreatesATask();
    await assign(id, bob.id, alice);
    const saved = await app.tasks.findById(id);
    expect(saved?.assigneeId).toBe(bob.id);
    expect(saved?.status).toBe('IN_PROGRESS');
  });

  it('publishes TaskAssigned for the new assignee', async () => {
    const id = await aliceCreatesATask();
    await assign(id, bob.id, alice);
    const event = app.events.find((e) => e instanceof TaskAssignedEvent) as TaskAssignedEvent | undefined;
    expect(event).toBeDefined();
    expect(event?.taskId).toBe(id);
    expect(event?.assigneeId).toBe(bob.id);
  });

  it('refuses a user who does not exist, leaving the task unassigned', async () => {
    const id = await aliceCreatesATask();
    expect((await domainError(assign(id, 'u-nobody', alice))).code).toBe('USER.NOT_FOUND');
    expect((await app.tasks.findById(id))?.assigneeId).toBeNull();
  });

  it('refuses a member who neither created nor holds the task', async () => {
    const id = await aliceCreatesATask();
    expect((await domainError(assign(id, carol.id, bob))).code).toBe('TASK.FORBIDDEN');
    expect((await app.tasks.findById(id))?.assigneeId, 'a refused assignment is not saved').toBeNull();
    expect(app.events.some((e) => e instanceof TaskAssignedEvent), 'nor announced').toBe(false);
  });

  it('lets the member who holds the task reassign it', async () => {
    const id = await aliceCreatesATask();
    await assign(id, bob.id, alice);
    await assign(id, carol.id, bob);
    expect((await app.tasks.findById(id))?.assigneeId).toBe(carol.id);
  });

  it('lets a mentor assign a task they neither created nor hold', async () => {
    const mentor = await app.seedUser('mia', 'MENTOR');
    const id = await aliceCreatesATask();
    await assign(id, bob.id, mentor);
    expect((await app.tasks.findById(id))?.assigneeId).toBe(bob.id);
  });

  it('refuses to assign a completed task', async () => {
    const id = await aliceCreatesATask();
    await app.commandBus.execute(new CompleteTaskCommand(id, alice));
    expect((await domainError(assign(id, bob.id, alice))).code).toBe('TASK.CANNOT_ASSIGN_COMPLETED');
    expect((await app.tasks.findById(id))?.status).toBe('COMPLETED');
  });

  it('a read after the assignment sees it (the cached copy is invalidated)', async () => {
    const id = await aliceCreatesATask();
    await app.queryBus.execute(new GetTaskQuery(id, alice));
    await assign(id, bob.id, alice);
    expect((await app.queryBus.execute(new GetTaskQuery(id, alice))).assigneeId).toBe(bob.id);
  });
});
