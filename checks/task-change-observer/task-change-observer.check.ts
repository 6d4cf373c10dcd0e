import { Logger } from '@nestjs/common';
import { CqrsModule, EventBus, UnhandledExceptionBus } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { TASK_LIST_CACHE_PREFIX, TaskChangeObserver } from '../src/application/events/task-change.observer.js';
import { CACHE, TASK_CACHE_TTL_SECONDS, taskCacheKey, type Cache } from '../src/application/ports/cache.port.js';
import { REALTIME_BROADCASTER, type RealtimeBroadcaster, type RealtimeTaskEventName } from '../src/application/ports/realtime-broadcaster.port.js';
import type { TaskView } from '../src/application/task-view.js';
import { Task } from '../src/domain/task/task.entity.js';
import { TaskAssignedEvent, TaskCompletedEvent, TaskDeletedEvent, TaskUpdatedEvent, type AnyTaskEvent } from '../src/domain/task/task.events.js';
import { InMemoryCache } from '../src/infrastructure/cache/in-memory.cache.js';

beforeAll(() => Logger.overrideLogger(false)); // the observer's own error logs are expected here

const now = new Date('2026-03-02T09:00:00Z');
type Sent = { event: RealtimeTaskEventName; task: TaskView; audience: string[] };

let moduleRef: TestingModule;
afterEach(() => moduleRef?.close());

async function setup(cache: Cache, broadcaster?: RealtimeBroadcaster) {
  const sent: Sent[] = [];
  const unhandled: unknown[] = [];
  moduleRef = await Test.createTestingModule({
    imports: [CqrsModule.forRoot()],
    providers: [
      TaskChangeObserver,
      { provide: CACHE, useValue: cache },
      { provide: REALTIME_BROADCASTER, useValue: broadcaster ?? { broadcast: (event: RealtimeTaskEventName, task: TaskView, audience: string[]) => void sent.push({ event, task, audience }) } },
    ],
  }).compile();
  await moduleRef.init();
  moduleRef.get(UnhandledExceptionBus).subscribe((e) => unhandled.push(e.exception));
  const publish = async (event: AnyTaskEvent) => {
    moduleRef.get(EventBus).publish(event);
    await new Promise((r) => setTimeout(r, 20));
  };
  return { sent, unhandled, publish };
}

function task(assignee?: string) {
  const t = Task.create({ id: 't-1', title: 'Ship the observer', creatorId: 'u-alice', now });
  if (assignee) t.assign(assignee, now);
  return t;
}

const brokenCache: Cache = {
  get: async () => undefined,
  set: async () => {},
  del: async () => { throw new Error('Redis connection lost'); },
  delByPrefix: async () => { throw new Error('Redis connection lost'); },
};

it('an update deletes the cached task and every cached task list', async () => {
  const cache = new InMemoryCache();
  await cache.set(taskCacheKey('t-1'), { stale: true }, TASK_CACHE_TTL_SECONDS);
  await cache.set(`${TASK_LIST_CACHE_PREFIX}page=1`, ['stale'], TASK_CACHE_TTL_SECONDS);
  await cache.set(taskCacheKey('t-2'), { other: true }, TASK_CACHE_TTL_SECONDS);
  const { publish } = await setup(cache);
  await publish(new TaskUpdatedEvent(task().props, 'u-alice'));
  expect(await cache.get(taskCacheKey('t-1')), 'the changed task must leave the cache').toBeUndefined();
  expect(await cache.get(`${TASK_LIST_CACHE_PREFIX}page=1`), 'cached lists must go too').toBeUndefined();
  expect(await cache.get(taskCacheKey('t-2')), 'other tasks stay cached').toEqual({ other: true });
});

it('each change is broadcast under its name: updated, assigned (as task:updated), completed, deleted', async () => {
  const { sent, publish } = await setup(new InMemoryCache());
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
  const { sent, publish } = await setup(new InMemoryCache());
  await publish(new TaskUpdatedEvent(task().props, 'u-alice'));
  await publish(new TaskAssignedEvent(task('u-bob').props, 'u-alice'));
  await publish(new TaskAssignedEvent(task('u-alice').props, 'u-alice'));
  expect(sent.map((s) => [...s.audience].sort())).toEqual([['u-alice'], ['u-alice', 'u-bob'], ['u-alice']]);
});

it('when the cache fails, clients are still told and nothing escapes the handler', async () => {
  const { sent, unhandled, publish } = await setup(brokenCache);
  await publish(new TaskUpdatedEvent(task().props, 'u-alice'));
  expect(sent.map((s) => s.event), 'broadcasts despite a cache outage').toEqual(['task:updated']);
  expect(unhandled, 'errors that escaped handle()').toEqual([]);
});

it('when the broadcaster fails, the cache is still invalidated and nothing escapes the handler', async () => {
  const cache = new InMemoryCache();
  await cache.set(taskCacheKey('t-1'), { stale: true }, TASK_CACHE_TTL_SECONDS);
  const { unhandled, publish } = await setup(cache, { broadcast: () => { throw new Error('socket server down'); } });
  await publish(new TaskUpdatedEvent(task().props, 'u-alice'));
  expect(await cache.get(taskCacheKey('t-1'))).toBeUndefined();
  expect(unhandled, 'errors that escaped handle()').toEqual([]);
});

/** Collects what the observer logs at error or warning level while `run` goes. */
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

it('every observed event (updated, assigned, completed, deleted) deletes the cached task', async () => {
  const cache = new InMemoryCache();
  const { publish } = await setup(cache);
  const t = task('u-bob');
  const done = task('u-bob');
  done.complete(now);
  for (const event of [new TaskUpdatedEvent(t.props, 'u-alice'), new TaskAssignedEvent(t.props, 'u-alice'), new TaskCompletedEvent(done.props, 'u-bob'), new TaskDeletedEvent(done.props, 'u-alice')]) {
    await cache.set(taskCacheKey('t-1'), { stale: true }, TASK_CACHE_TTL_SECONDS);
    await publish(event);
    expect(await cache.get(taskCacheKey('t-1')), `cached task after ${event.type}`).toBeUndefined();
  }
});

it('a cache without delByPrefix (it is optional) still loses the task, clients are told, and no error is logged', async () => {
  const inner = new InMemoryCache();
  const withoutPrefix: Cache = { get: (k) => inner.get(k), set: (k, v, ttl) => inner.set(k, v, ttl), del: (k) => inner.del(k) };
  await inner.set(taskCacheKey('t-1'), { stale: true }, TASK_CACHE_TTL_SECONDS);
  const { sent, unhandled, publish } = await setup(withoutPrefix);
  const lines = await logged(() => publish(new TaskUpdatedEvent(task().props, 'u-alice')));
  expect(await inner.get(taskCacheKey('t-1')), 'the cached task').toBeUndefined();
  expect(sent.map((s) => s.event)).toEqual(['task:updated']);
  expect(lines, 'errors logged for a cache that simply has no delByPrefix').toEqual([]);
  expect(unhandled).toEqual([]);
});

it('a cache failure is logged, and a broadcaster failure is logged', async () => {
  const cacheDown = await setup(brokenCache);
  expect(await logged(() => cacheDown.publish(new TaskUpdatedEvent(task().props, 'u-alice'))), 'log lines when the cache fails').not.toEqual([]);
  await moduleRef.close();
  const socketsDown = await setup(new InMemoryCache(), { broadcast: () => { throw new Error('socket server down'); } });
  expect(await logged(() => socketsDown.publish(new TaskUpdatedEvent(task().props, 'u-alice'))), 'log lines when the broadcaster fails').not.toEqual([]);
});

it('when the cache and the broadcaster both fail, nothing escapes the handler and both failures are logged', async () => {
  const { unhandled, publish } = await setup(brokenCache, { broadcast: () => { throw new Error('socket server down'); } });
  const lines = await logged(() => publish(new TaskUpdatedEvent(task().props, 'u-alice')));
  expect(unhandled, 'errors that escaped handle()').toEqual([]);
  expect(lines.join('\n'), 'the cache failure is logged').toMatch(/Redis connection lost|cache/i);
  expect(lines.join('\n'), 'the broadcaster failure is logged').toMatch(/socket server down|broadcast/i);
});
