import { Test, type TestingModule } from '@nestjs/testing';
import { CqrsModule, EventBus, QueryBus } from '@nestjs/cqrs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  GetTaskBoardCountsHandler,
  GetTaskBoardCountsQuery,
  TaskBoardProjection,
} from '../src/application/read-models/task-board.projection.js';
import { Task } from '../src/domain/task/task.entity.js';
import {
  TaskAssignedEvent,
  TaskCompletedEvent,
  TaskCreatedEvent,
  TaskDeletedEvent,
  TaskUpdatedEvent,
  type AnyTaskEvent,
} from '../src/domain/task/task.events.js';
import type { Actor } from '../src/domain/user/actor.js';

const alice: Actor = { id: 'u-alice', role: 'MEMBER' };
const bob: Actor = { id: 'u-bob', role: 'MEMBER' };
const carol: Actor = { id: 'u-carol', role: 'MEMBER' };
const mentor: Actor = { id: 'u-mentor', role: 'MENTOR' };
const now = new Date('2026-03-02T09:00:00Z');

let moduleRef: TestingModule;
beforeEach(async () => {
  moduleRef = await Test.createTestingModule({ imports: [CqrsModule.forRoot()], providers: [TaskBoardProjection, GetTaskBoardCountsHandler] }).compile();
  await moduleRef.init();
});
afterEach(() => moduleRef.close());

async function publish(...events: AnyTaskEvent[]): Promise<void> {
  const bus = moduleRef.get(EventBus);
  for (const e of events) bus.publish(e);
  await new Promise((r) => setTimeout(r, 5)); // let the event handlers run
}
const counts = (actor: Actor) => moduleRef.get(QueryBus).execute(new GetTaskBoardCountsQuery(actor));
const newTask = (id: string, creator = alice) => Task.create({ id, title: `Task ${id}`, creatorId: creator.id, now });
const board = (total: number, TODO: number, IN_PROGRESS: number, COMPLETED: number) => ({ total, byStatus: { TODO, IN_PROGRESS, COMPLETED } });

it('created tasks count for their creator, and mentors see every task', async () => {
  await publish(new TaskCreatedEvent(newTask('t-1').props, alice.id), new TaskCreatedEvent(newTask('t-2', bob).props, bob.id));
  expect(await counts(alice)).toEqual(board(1, 1, 0, 0));
  expect(await counts(mentor)).toEqual(board(2, 2, 0, 0));
  expect(await counts(carol), 'a member with no tasks sees an empty board with every status at 0').toEqual(board(0, 0, 0, 0));
});

it('assigning moves the task to IN_PROGRESS and shows it on the assignee board; completing moves it to COMPLETED', async () => {
  const task = newTask('t-1');
  await publish(new TaskCreatedEvent(task.props, alice.id));
  task.assign(bob.id, now);
  await publish(new TaskAssignedEvent(task.props, alice.id));
  expect(await counts(bob)).toEqual(board(1, 0, 1, 0));
  expect(await counts(alice)).toEqual(board(1, 0, 1, 0));
  task.complete(now);
  await publish(new TaskCompletedEvent(task.props, bob.id));
  expect(await counts(bob)).toEqual(board(1, 0, 0, 1));
});

it('a reassigned task leaves the previous assignee board', async () => {
  const task = newTask('t-1');
  task.assign(bob.id, now);
  await publish(new TaskCreatedEvent(newTask('t-1').props, alice.id), new TaskAssignedEvent(task.props, alice.id));
  task.assign(carol.id, now);
  await publish(new TaskAssignedEvent(task.props, alice.id));
  expect(await counts(bob), "bob's board after the task went to carol").toEqual(board(0, 0, 0, 0));
  expect(await counts(carol)).toEqual(board(1, 0, 1, 0));
});

it('a deleted task disappears from every board', async () => {
  const task = newTask('t-1');
  await publish(new TaskCreatedEvent(task.props, alice.id), new TaskCreatedEvent(newTask('t-2').props, alice.id));
  await publish(new TaskDeletedEvent(task.props, alice.id));
  expect(await counts(alice)).toEqual(board(1, 1, 0, 0));
  expect(await counts(mentor)).toEqual(board(1, 1, 0, 0));
});

it('the same event delivered twice does not count twice', async () => {
  const created = new TaskCreatedEvent(newTask('t-1').props, alice.id);
  await publish(created, created);
  const task = newTask('t-1');
  task.assign(bob.id, now);
  const assigned = new TaskAssignedEvent(task.props, alice.id);
  await publish(assigned, assigned);
  expect(await counts(alice)).toEqual(board(1, 0, 1, 0));
  expect(await counts(mentor)).toEqual(board(1, 0, 1, 0));
});

it('an event for a task the model has not seen yet adds it (the created event was lost)', async () => {
  const task = newTask('t-9', carol);
  task.update({ title: 'Renamed while the created event was in flight' }, now);
  await publish(new TaskUpdatedEvent(task.props, carol.id));
  expect(await counts(carol)).toEqual(board(1, 1, 0, 0));
});

it('admins see every task too', async () => {
  const admin: Actor = { id: 'u-admin', role: 'ADMIN' };
  await publish(new TaskCreatedEvent(newTask('t-1').props, alice.id), new TaskCreatedEvent(newTask('t-2', bob).props, bob.id));
  expect(await counts(admin)).toEqual(board(2, 2, 0, 0));
});

it('a task its creator is also assigned to counts once on their board', async () => {
  const task = newTask('t-1');
  task.assign(alice.id, now);
  await publish(new TaskCreatedEvent(newTask('t-1').props, alice.id), new TaskAssignedEvent(task.props, alice.id));
  expect(await counts(alice), 'alice created t-1 and is its assignee').toEqual(board(1, 0, 1, 0));
});
