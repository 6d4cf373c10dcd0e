import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Notification, NotificationQueue, NotificationSender } from '../../application/ports/notification-queue.port.js';
import type { QueueLogger } from './notification.schema.js';

export type ClosableQueue = NotificationQueue & { close(): Promise<void> };

/** One suite for both queue adapters; `make` builds a queue over a sender and a logger. */
export function notificationQueueContract(
  name: string,
  make: (sender: NotificationSender, logger: QueueLogger) => ClosableQueue,
): void {
  describe(`NotificationQueue contract: ${name}`, () => {
    let queue: ClosableQueue | undefined;
    afterEach(async () => {
      await queue?.close();
    });

    const notification: Notification = {
      kind: 'task.assigned',
      recipientId: 'bob',
      taskId: 't-1',
      subject: 'You were assigned "Plan"',
      body: 'Task "Plan" is now yours.',
    };
    const recorder = () => {
      const errors: string[] = [];
      return { errors, logger: { log: () => undefined, error: (m: string) => void errors.push(m) } };
    };

    it('delivers an enqueued notification to the sender', async () => {
      const received: Notification[] = [];
      queue = make({ send: async (n) => void received.push(n) }, recorder().logger);
      await queue.enqueue(notification);
      await vi.waitFor(() => expect(received).toEqual([notification]), { timeout: 25_000, interval: 20 });
    });

    it('retries a failing delivery and succeeds on the third attempt', async () => {
      let calls = 0;
      const { errors, logger } = recorder();
      queue = make({ send: async () => { if (++calls < 3) throw new Error(`smtp down (${calls})`); } }, logger);
      await queue.enqueue(notification);
      await vi.waitFor(() => expect(calls).toBe(3), { timeout: 25_000, interval: 20 });
      expect(errors).toEqual([]);
    });

    it('gives up after 3 attempts and logs the failure with the task and the reason', async () => {
      let calls = 0;
      const { errors, logger } = recorder();
      queue = make({ send: async () => { calls++; throw new Error('mailbox full'); } }, logger);
      await queue.enqueue(notification);
      await vi.waitFor(() => expect(errors).toHaveLength(1), { timeout: 25_000, interval: 20 });
      expect(calls).toBe(3);
      expect(errors[0]).toMatch(/t-1.*failed after 3 attempts.*mailbox full/);
    });

    it('close() waits for a job that is being delivered', async () => {
      let started = false;
      const received: Notification[] = [];
      const slowSender: NotificationSender = {
        send: async (n) => {
          started = true;
          await new Promise((resolve) => setTimeout(resolve, 150));
          received.push(n);
        },
      };
      queue = make(slowSender, recorder().logger);
      await queue.enqueue(notification);
      await vi.waitFor(() => expect(started).toBe(true), { timeout: 25_000, interval: 10 });
      await queue.close();
      queue = undefined;
      expect(received, 'close() returned before the delivery in progress finished').toHaveLength(1);
    });
  });
}
