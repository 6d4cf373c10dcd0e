import { DomainError } from '../../domain/shared/domain-error.js';
import type { PrismaClient } from '../../generated/prisma/client.js';

export interface OutboxMessage {
  id: number;
  type: string;
  payload: unknown;
}

/** Completes the task and records task.completed in the outbox, atomically. */
export async function completeTaskWithOutbox(prisma: PrismaClient, { taskId, actorId, now }: { taskId: string; actorId: string; now: Date }): Promise<void> {
  // TODO: two separate writes, no transaction, and the rule is not checked.
  const updated = await prisma.task.updateMany({ where: { id: taskId }, data: { status: 'COMPLETED', updatedAt: now } });
  if (updated.count === 0) throw new DomainError('TASK.NOT_FOUND', `Task ${taskId} does not exist.`);
  await prisma.$executeRaw`INSERT INTO task_outbox (type, payload, actor_id, created_at)
    VALUES ('task.completed', ${JSON.stringify({ taskId, actorId })}::jsonb, ${actorId}, ${now})`;
}

/** Publishes unpublished outbox rows in order; stops at the first failure. */
export async function relayOutbox(
  prisma: PrismaClient,
  publish: (message: OutboxMessage) => Promise<void>,
  { batchSize, now }: { batchSize: number; now: Date },
): Promise<{ published: number; failed: number }> {
  // TODO
  return { published: 0, failed: 0 };
}
