import { Test } from '@nestjs/testing';
import { CommandBus, CqrsModule, EventBus, type IEvent } from '@nestjs/cqrs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { CreateTaskCommand } from '../src/application/commands/create-task.command.js';
import { CreateTaskHandler } from '../src/application/commands/create-task.handler.js';
import { CLOCK } from '../src/application/ports/clock.port.js';
import { DomainError } from '../src/domain/shared/domain-error.js';
import type { Task } from '../src/domain/task/task.entity.js';
import { TaskCreatedEvent } from '../src/domain/task/task.events.js';
import { TASK_REPOSITORY } from '../src/domain/task/task.repository.js';
import { InMemoryTaskRepository } from '../src/infrastructure/persistence/in-memory-task.repository.js';

const NOW = new Date('2026-02-02T10:00:00.000Z');
const alice = { id: 'u-alice', role: 'MEMBER' as const };

/** The in-memory repository, able to fail on demand (a database that is down). */
class FlakyRepository extends InMemoryTaskRepository {
  failing = false;
  override async save(task: Task): Promise<void> {
    if (this.failing) throw new Error('database unavailable');
    return super.save(task);
  }
}

let tasks: FlakyRepository;
let commands: CommandBus;
let events: IEvent[];
let close: () => Promise<void>;
/** What the injected clock answers; a test may make it tick so that two readings differ. */
let clockNow: () => Date;

beforeEach(async () => {
  tasks = new FlakyRepository();
  clockNow = () => new Date(NOW);
  const moduleRef = await Test.createTestingModule({
    imports: [CqrsModule.forRoot()],
    providers: [
      CreateTaskHandler,
      { provide: TASK_REPOSITORY, useValue: tasks },
      { provide: CLOCK, useValue: { now: () => clockNow() } },
    ],
  }).compile();
  await moduleRef.init();
  commands = moduleRef.get(CommandBus);
  events = [];
  moduleRef.get(EventBus).subscribe((event) => events.push(event));
  close = () => moduleRef.close();
});
afterEach(() => close());

// async: a handler that throws synchronously and one that rejects are the same to an awaiting caller.
const create = async (title: string, extra: { description?: string; dueDate?: Date | null } = {}) =>
  commands.execute(new CreateTaskCommand({ title, ...extra }, alice));

it('the command bus routes CreateTaskCommand to the handler, which returns the new task as a view', async () => {
  const view = await create('Plan the sprint', { description: 'Two weeks' });
  expect(view).toMatchObject({
    title: 'Plan the sprint',
    description: 'Two weeks',
    status: 'TODO',
    creatorId: alice.id,
    assigneeId: null,
    createdAt: NOW.toISOString(),
  });
  expect(typeof view.id, 'the view needs the new task id').toBe('string');
});

it('saves the new task through the TASK_REPOSITORY port', async () => {
  const view = await create('Plan the sprint');
  const saved = await tasks.findById(view.id);
  expect(saved, 'the repository should hold the task whose id the handler returned').not.toBeNull();
  expect(saved?.title).toBe('Plan the sprint');
  expect(saved?.creatorId, 'the actor is the creator').toBe(alice.id);
});

it('takes "now" from the injected CLOCK, not from new Date()', async () => {
  const view = await create('Plan the sprint');
  expect(view.createdAt).toBe(NOW.toISOString());
  expect((await tasks.findById(view.id))?.createdAt.toISOString()).toBe(NOW.toISOString());
});

it('publishes exactly one TaskCreatedEvent carrying the task, the actor and the time', async () => {
  const view = await create('Plan the sprint');
  expect(events, 'events published on the EventBus').toHaveLength(1);
  const event = events[0];
  expect(event).toBeInstanceOf(TaskCreatedEvent);
  const created = event as TaskCreatedEvent;
  expect(created.task.id, 'event.task.id').toBe(view.id);
  expect(created.task.title, 'event.task.title').toBe('Plan the sprint');
  expect(created.actorId, 'event.actorId').toBe(alice.id);
  expect(created.occurredAt.toISOString(), 'event.occurredAt').toBe(NOW.toISOString());
});

it('publishes nothing when the save fails, and the command fails with the save error', async () => {
  tasks.failing = true;
  const error = await create('Plan the sprint').then(() => undefined, (e: unknown) => e);
  expect(error, 'the command must reject when the repository cannot save').toBeInstanceOf(Error);
  expect((error as Error).message, 'the caller gets the save error itself').toContain('database unavailable');
  expect(events, 'a TaskCreatedEvent for a task that was never saved').toHaveLength(0);
});

it('rejects an invalid title with TASK.INVALID_TITLE, saving and publishing nothing', async () => {
  const error = await create('no').then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('TASK.INVALID_TITLE');
  expect(events).toHaveLength(0);
  expect((await tasks.list({ page: 1, limit: 10, sort: { field: 'createdAt', direction: 'asc' } })).total).toBe(0);
});

it('the event carries the same time as the task’s createdAt: the clock is read once per command', async () => {
  let reading = 0;
  clockNow = () => new Date(NOW.getTime() + 1000 * reading++); // every reading is one second later
  const view = await create('Plan the sprint');
  const created = events[0] as TaskCreatedEvent;
  expect(created?.occurredAt.toISOString(), 'event.occurredAt versus the created task').toBe(view.createdAt);
  expect(view.createdAt, 'createdAt is the first reading of the clock').toBe(NOW.toISOString());
});
