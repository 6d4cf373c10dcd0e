import { Logger } from '@nestjs/common';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Task } from '../../domain/task/task.entity.js';
import { TaskAssignedEvent, TaskCompletedEvent } from '../../domain/task/task.events.js';
import type { Notification } from '../ports/notification-queue.port.js';
import { TaskNotificationHandler } from './task-notification.handler.js';

const now = new Date('2026-03-02T09:00:00.000Z');
const due = new Date('2026-03-09T17:00:00.000Z');

beforeAll(() => Logger.overrideLogger(false)); // the failing-queue test logs on purpose

function setup() {
  const enqueue = vi.fn<(n: Notification) => Promise<void>>(async () => {});
  return { enqueue, handler: new TaskNotificationHandler({ enqueue }) };
}

function taskOf(creatorId: string, extra: { dueDate?: Date } = {}) {
  return Task.create({ id: 't-1', title: 'Write the mocks chapter', creatorId, now, ...extra });
}

describe('when a task is assigned', () => {
  it('notifies the assignee, naming the task and its due date', async () => {
    const { enqueue, handler } = setup();
    const task = taskOf('u-alice', { dueDate: due });
    task.assign('u-bob', now);
    await handler.handle(new TaskAssignedEvent(task.props, 'u-alice'));
    expect(enqueue).toHaveBeenCalledTimes(1);
    const sent = enqueue.mock.calls[0]![0];
    expect(sent).toMatchObject({ kind: 'task.assigned', recipientId: 'u-bob', taskId: 't-1' });
    expect(sent.body).toContain('Write the mocks chapter');
    expect(sent.body).toContain(due.toISOString());
  });

  it('sends nothing when you assign the task to yourself', async () => {
    const { enqueue, handler } = setup();
    const task = taskOf('u-alice');
    task.assign('u-alice', now);
    await handler.handle(new TaskAssignedEvent(task.props, 'u-alice'));
    expect(enqueue).not.toHaveBeenCalled();
  });
});

describe('when a task is completed', () => {
  it('notifies the creator when someone else completes it', async () => {
    const { enqueue, handler } = setup();
    const task = taskOf('u-alice');
    task.assign('u-bob', now);
    task.complete(now);
    await handler.handle(new TaskCompletedEvent(task.props, 'u-bob'));
    expect(enqueue).toHaveBeenCalledWith(expect.objectContaining({ kind: 'task.completed', recipientId: 'u-alice', taskId: 't-1' }));
  });

  it('sends nothing when the creator completes their own task', async () => {
    const { enqueue, handler } = setup();
    const task = taskOf('u-alice');
    task.complete(now);
    await handler.handle(new TaskCompletedEvent(task.props, 'u-alice'));
    expect(enqueue).not.toHaveBeenCalled();
  });
});

describe('when the queue fails', () => {
  it('handle() still resolves', async () => {
    const { enqueue, handler } = setup();
    enqueue.mockRejectedValueOnce(new Error('Redis down'));
    const task = taskOf('u-alice');
    task.assign('u-bob', now);
    await expect(handler.handle(new TaskAssignedEvent(task.props, 'u-alice'))).resolves.toBeUndefined();
    expect(enqueue).toHaveBeenCalledTimes(1);
  });

  it('logs the failure instead of letting it escape', async () => {
    const logged = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const { enqueue, handler } = setup();
      enqueue.mockRejectedValueOnce(new Error('Redis down'));
      const task = taskOf('u-alice');
      task.assign('u-bob', now);
      await handler.handle(new TaskAssignedEvent(task.props, 'u-alice'));
      expect(logged).toHaveBeenCalledTimes(1);
      expect(String(logged.mock.calls[0]?.[0])).toContain('Redis down');
    } finally {
      logged.mockRestore();
    }
  });
});
