import { describe, expect, it, vi } from 'vitest';
import { Task } from '../../domain/task/task.entity.js';
import { TaskAssignedEvent } from '../../domain/task/task.events.js';
import { TaskNotificationHandler } from './task-notification.handler.js';

const now = new Date('2026-03-02T09:00:00.000Z');

describe('TaskNotificationHandler', () => {
  it('enqueues something when a task is assigned to someone else', async () => {
    const queue = { enqueue: vi.fn(async () => {}) };
    const task = Task.create({ title: 'Write the mocks chapter', creatorId: 'u-alice', now });
    task.assign('u-bob', now);
    await new TaskNotificationHandler(queue).handle(new TaskAssignedEvent(task.props, 'u-alice'));
    expect(queue.enqueue).toHaveBeenCalled();
  });

  // TODO: pin down who is notified, what the message says, who is not, and a failing queue.
});
