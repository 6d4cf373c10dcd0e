import { Logger } from '@nestjs/common';
import { CommandBus, CqrsModule, EventBus, QueryBus, UnhandledExceptionBus, type IEvent } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { UpdateTaskCommand } from '../src/application/commands/update-task.command.js';
import { UpdateTaskHandler } from '../src/application/commands/update-task.handler.js';
import { TaskChangeObserver } from '../src/application/events/task-change.observer.js';
import { CACHE, taskCacheKey, type Cache } from '../src/application/ports/cache.port.js';
import { CLOCK } from '../src/application/ports/clock.port.js';
import { REALTIME_BROADCASTER, type RealtimeBroadcaster, type RealtimeTaskEventName } from '../src/application/ports/realtime-broadcaster.port.js';
import { GetTaskHandler } from '../src/application/queries/get-task.handler.js';
import { GetTaskQuery } from '../src/application/queries/get-task.query.js';
import type { TaskView } from '../src/application/task-view.js';
import { Task } from '../src/domain/task/task.entity.js';
import { TaskAssignedEvent, TaskCompletedEvent, TaskDeletedEvent, TaskUpdatedEvent, type AnyTaskEvent } from '../src/domain/task/task.events.js';
import { TASK_REPOSITORY } from '../src/domain/task/task.repository.js';
import { UserRole } from '../src/domain/user/user-role.js';
import { InMemoryCache } from '../src/infrastructure/cache/in-memory.cache.js';
import { InMemoryTaskRepository } from '../src/infrastructure/persistence/in-memory-task.repository.js';

beforeAll(() => Logger.overrideLogger(false)); // the observer's own error logs are expected here

const now = new Date('2026-03-02T09:00:00Z');
const alice = { id: 'u-alice', role: UserRole.MEMBER };
type Sent = { event: RealtimeTaskEventName; task: TaskView; audience: string[] };

let moduleRef: TestingModule;
afterEach(() => moduleRef?.close());

/** A real cache whose calls are recorded in `log`; `delDelayMs` makes deletes land late, like a slow Redis. */
function recordingCache(log: string[], delDelayMs = 0): Cache {
  const inner = new InMemoryCache();
  return {
    get: (key) => inner.get(key),
    set: (key, value, ttl) => inner.set(key, value, ttl),
    del: async (key) => {
      log.push(`cache.del ${key}`);
      if (delDelayMs > 0) await new Promise((r) => setTimeout(r, delDelayMs));
      await inner.del(key);
    },
    delByPrefix: async (prefix) => {
      log.push(`cache.delByPrefix ${prefix}`);
      await inner.delByPrefix?.(prefix);
    },
  };
}

async function setup(options: { cache?: Cache; broadcaster?: RealtimeBroadcaster; log?: string[] } = {}) {
  const log = options.log ?? [];
  const sent: Sent[] = [];
  const unhandled: unknown[] = [];
  const events: IEvent[] = [];
  const tasks = new InMemoryTaskRepository();
  const save = tasks.save.bind(tasks);
  tasks.save = async (task) => {
    log.push(`tasks.save ${task.id}`);
    await save(task);
  };
  const cache = options.cache ?? recordingCache(log);
  moduleRef = await Test.createTestingModule({
    imports: [CqrsModule.forRoot()],
    providers: [
      UpdateTaskHandler,
      GetTaskHandler,
      TaskChangeObserver,
      { provide: TASK_REPOSITORY, useValue: tasks },
      { provide: CACHE, useValue: cache },
      { provide: CLOCK, useValue: { now: () => now } },
      {
        provide: REALTIME_BROADCASTER,
        useValue: options.broadcaster ?? { broadcast: (event: RealtimeTaskEventName, task: TaskView, audience: string[]) => void sent.push({ event, task, audience }) },
      },
    ],
  }).compile();
  await moduleRef.init();
  moduleRef.get(UnhandledExceptionBus).subscribe((e) => unhandled.push(e.exception));
  moduleRef.get(EventBus).subscribe((e) => events.push(e));
  await save(Task.create({ id: 't-1', title: 'Old title', creatorId: alice.id, now }));
  const commands = moduleRef.get(CommandBus);
  const queries = moduleRef.get(QueryBus);
  const publish = async (event: AnyTaskEvent) => {
    moduleRef.get(EventBus).publish(event);
    await new Promise((r) => setTimeout(r, 20));
  };
  return { log, sent, unhandled, events, commands, queries, publish, cache };
}

function task(assignee?: string) {
  const t = Task.create({ id: 't-1', title: 'Ship the observer', creatorId: 'u-alice', now });
  if (assignee) t.assign(assignee, now);
  return t;
}

/** Collects what is logged at error or warning level while `run` goes. */
async function logged(run: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const keep = (message: unknown) => void lines.push(String(message));
  Logger.overrideLogger({ log: () => {}, debug: () => {}, verbose: () => {}, error: keep, warn: keep, fatal: keep });
  try {
    await run();
  } finally {
    Logger.overrideLogger(false);
  }
  return lines;
}

const failingBroadcaster: RealtimeBroadcaster = { broadcast: () => { throw new Error('socket server down'); } };

it('a read straight after the update sees the new title, even when the cache deletes slowly', async () => {
  const app = await setup({ cache: recordingCache([], 40) });
  expect((await app.queries.execute(new GetTaskQuery('t-1', alice))).title, 'the first read caches the task').toBe('Old title');
  await app.commands.execute(new UpdateTaskCommand('t-1', { title: 'New title' }, alice));
  const read = await app.queries.execute(new GetTaskQuery('t-1', alice));
  expect(read.title, 'the update must not return before the cached copy is gone (read your own write)').toBe('New title');
});

it('the update deletes the cached copy after the save, not before', async () => {
  const app = await setup();
  await app.commands.execute(new UpdateTaskCommand('t-1', { title: 'New title' }, alice));
  const save = app.log.indexOf('tasks.save t-1');
  const del = app.log.indexOf(`cache.del ${taskCacheKey('t-1')}`);
  expect(del, `cache.del(taskCacheKey(id)) in ${JSON.stringify(app.log)}`).toBeGreaterThanOrEqual(0);
  expect(del, `a delete before the save lets a read put the old row back: ${JSON.stringify(app.log)}`).toBeGreaterThan(save);
});

it('the update still saves, publishes TaskUpdatedEvent and returns the new view', async () => {
  const app = await setup();
  const view = await app.commands.execute(new UpdateTaskCommand('t-1', { title: 'New title' }, alice));
  expect(view).toMatchObject({ id: 't-1', title: 'New title' });
  await new Promise((r) => setTimeout(r, 20));
  expect(app.events.filter((e) => e instanceof TaskUpdatedEvent).map((e) => (e as TaskUpdatedEvent).task.title)).toEqual(['New title']);
});

it('the observer leaves the cache alone: invalidation is the command\'s job', async () => {
  const app = await setup();
  const t = task('u-bob');
  const done = task('u-bob');
  done.complete(now);
  for (const event of [new TaskUpdatedEvent(t.props, 'u-alice'), new TaskAssignedEvent(t.props, 'u-alice'), new TaskCompletedEvent(done.props, 'u-bob'), new TaskDeletedEvent(done.props, 'u-alice')]) {
    await app.publish(event);
  }
  expect(app.log.filter((line) => line.startsWith('cache.')), 'cache calls made by the observer').toEqual([]);
});

it('each change is broadcast under its name: updated, assigned (as task:updated), completed, deleted', async () => {
  const { sent, publish } = await setup();
  const t = task('u-bob');
  await publish(new TaskUpdatedEvent(t.props, 'u-alice'));
  await publish(new TaskAssignedEvent(t.props, 'u-alice'));
  t.complete(now);
  await publish(new TaskCompletedEvent(t.props, 'u-bob'));
  await publish(new TaskDeletedEvent(t.props, 'u-alice'));
  expect(sent.map((s) => s.event)).toEqual(['task:updated', 'task:updated', 'task:completed', 'task:deleted']);
  expect(sent[2]?.task).toMatchObject({ id: 't-1', status: 'COMPLETED', assigneeId: 'u-bob' });
});

it('the audience is the creator and the assignee, once each and never null', async () => {
  const { sent, publish } = await setup();
  await publish(new TaskUpdatedEvent(task().props, 'u-alice'));
  await publish(new TaskAssignedEvent(task('u-bob').props, 'u-alice'));
  await publish(new TaskAssignedEvent(task('u-alice').props, 'u-alice'));
  expect(sent.map((s) => [...s.audience].sort())).toEqual([['u-alice'], ['u-alice', 'u-bob'], ['u-alice']]);
});

it('when the broadcaster fails, nothing escapes the handler and the failure is logged', async () => {
  const { unhandled, publish } = await setup({ broadcaster: failingBroadcaster });
  const lines = await logged(() => publish(new TaskUpdatedEvent(task().props, 'u-alice')));
  expect(unhandled, 'errors that escaped handle()').toEqual([]);
  expect(lines.join('\n'), 'the broadcaster failure, logged as an error or warning').toMatch(/socket server down|broadcast/i);
});
