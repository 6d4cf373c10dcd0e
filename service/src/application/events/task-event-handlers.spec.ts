import { Logger } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApplicationHarness, type ApplicationHarness } from '../../../test/fixtures/application-harness.js';
import { Task } from '../../domain/task/task.entity.js';
import { TaskAssignedEvent, TaskCompletedEvent, TaskUpdatedEvent } from '../../domain/task/task.events.js';
import { AUDIT_LOG } from '../ports/audit-log.port.js';
import { taskCacheKey } from '../ports/cache.port.js';
import { NOTIFICATION_QUEUE } from '../ports/notification-queue.port.js';
import { notificationFor } from './task-notification.handler.js';

const task = () => Task.create({ id: 't-1', title: 'Handle events', creatorId: 'alice', now: new Date('2026-01-05T09:00:00Z') });

describe('notificationFor', () => {
  it('notifies the assignee, unless they assigned themselves', () => {
    const t = task();
    t.assign('bob');
    expect(notificationFor(new TaskAssignedEvent(t.props, 'alice'))).toMatchObject({ kind: 'task.assigned', recipientId: 'bob', taskId: 't-1' });
    expect(notificationFor(new TaskAssignedEvent(t.props, 'bob'))).toBeNull();
  });

  it('notifies the creator when someone else completes the task', () => {
    const t = task();
    t.complete();
    expect(notificationFor(new TaskCompletedEvent(t.props, 'bob'))).toMatchObject({ kind: 'task.completed', recipientId: 'alice' });
    expect(notificationFor(new TaskCompletedEvent(t.props, 'alice'))).toBeNull();
  });
});

describe('event handlers keep their errors to themselves', () => {
  let app: ApplicationHarness;
  beforeEach(async () => {
    app = await createApplicationHarness([
      { provide: NOTIFICATION_QUEUE, useValue: { enqueue: async () => Promise.reject(new Error('redis down')) } },
      { provide: AUDIT_LOG, useValue: { record: async () => Promise.reject(new Error('disk full')), recent: async () => [] } },
    ]);
  });
  afterEach(() => app.close());

  it('a failing queue or audit log is logged, not thrown, and the cache is still invalidated', async () => {
    const t = task();
    t.assign('bob');
    await app.cache.set(taskCacheKey(t.id), { stale: true }, 60);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const logged = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    app.moduleRef.get(EventBus).publish(new TaskAssignedEvent(t.props, 'alice'));
    app.moduleRef.get(EventBus).publish(new TaskUpdatedEvent(t.props, 'alice'));
    await app.settle();
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
    expect(logged.mock.calls.map(([message]) => String(message))).toEqual(
      expect.arrayContaining([expect.stringMatching(/Could not enqueue task.assigned.*redis down/), expect.stringMatching(/Could not audit task.assigned.*disk full/)]),
    );
    logged.mockRestore();
    expect(await app.cache.get(taskCacheKey(t.id))).toBeUndefined();
  });
});
