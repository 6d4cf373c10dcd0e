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
  it('returns the task with its new assignee', async () => {
    const id = await aliceCreatesATask();
    const view = await assign(id, bob.id, alice);
    expect(view.assigneeId).toBe(bob.id);
  });

  // TODO: write the tests that pin down the rest of the behaviour. Each rule below is one test;
  // your tests pass against the real handler and must fail against a broken one.
  //  - assigning moves the task to IN_PROGRESS, and the change is saved (read it back from app.tasks)
  //  - a TaskAssignedEvent is published
  //  - assigning to a user who does not exist fails with USER.NOT_FOUND
  //  - a member who neither created nor holds the task cannot assign it (TASK.FORBIDDEN)
  //  - a completed task cannot be assigned (TASK.CANNOT_ASSIGN_COMPLETED)
  void [domainError, TaskAssignedEvent, GetTaskQuery, CompleteTaskCommand, carol];
});
