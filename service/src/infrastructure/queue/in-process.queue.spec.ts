import { describe, expect, it } from 'vitest';
import { InProcessNotificationQueue } from './in-process.queue.js';
import { backoffDelay } from './notification.schema.js';

describe('InProcessNotificationQueue', () => {
  it('refuses new jobs once closed, with a message saying why', async () => {
    const queue = new InProcessNotificationQueue({ send: async () => undefined }, { log: () => undefined, error: () => undefined });
    await queue.ping();
    await queue.close();
    await expect(queue.enqueue({ kind: 'task.completed', recipientId: 'a', taskId: 't', subject: 's', body: 'b' })).rejects.toThrow(/closed/);
    await expect(queue.ping()).rejects.toThrow(/closed/);
  });

  it('backs off exponentially: 1×, 2×, 4× the base delay', () => {
    expect([1, 2, 3].map((attempt) => backoffDelay(attempt, 200))).toEqual([200, 400, 800]);
  });
});
