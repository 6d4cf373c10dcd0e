import { z } from 'zod';
import type { Notification } from '../../application/ports/notification-queue.port.js';

/** Jobs come back from Redis as JSON written by some process: validate before trusting them. */
export const notificationSchema = z.object({
  kind: z.enum(['task.assigned', 'task.completed']),
  recipientId: z.string().min(1),
  taskId: z.string().min(1),
  subject: z.string(),
  body: z.string(),
}) satisfies z.ZodType<Notification>;

/** Delay before retry number `attempt` (1-based): 1×, 2×, 4× the base delay. */
export function backoffDelay(attempt: number, baseMs: number): number {
  return baseMs * 2 ** (attempt - 1);
}

/** Minimal logging surface so adapters can be given Nest's Logger or a recorder in tests. */
export interface QueueLogger {
  log(message: string): void;
  error(message: string): void;
}
