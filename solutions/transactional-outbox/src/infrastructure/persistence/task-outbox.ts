import { DomainError } from '../../domain/shared/domain-error.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { taskFromRow } from './prisma-task.mapper.js';

export interface OutboxMessage {
  id: number;
  type: string;
  payload: unknown;
}

/** Completes the task and records task.completed in the outbox, atomically. */
export async function completeTaskWithOutbox(prisma: PrismaClient, { taskId, actorId, now }: { taskId: string; actorId: string; now: Date }): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const row = await tx.task.findUnique({ where: { id: taskId } });
    if (!row) throw new DomainError('TASK.NOT_FOUND', `Task ${taskId} does not exist.`);
    const task = taskFromRow(row);
    task.complete(now); // the entity's rule: TASK.ALREADY_COMPLETED
    await tx.task.update({ where: { id: taskId }, data: { status: task.status, updatedAt: task.updatedAt } });
    // Same transaction: the event exists exactly when the change does.
    await tx.$executeRaw`INSERT INTO task_outbox (type, payload, actor_id, created_at)
      VALUES ('task.completed', ${JSON.stringify({ taskId, actorId })}::jsonb, ${actorId}, ${now})`;
  });
}

/** Publishes unpublished outbox rows in order; stops at the first failure (at-least-once delivery). */
export async function relayOutbox(
  prisma: PrismaClient,
  publish: (message: OutboxMessage) => Promise<void>,
  { batchSize, now }: { batchSize: number; now: Date },
): Promise<{ published: number; failed: number }> {
  const rows = await prisma.$queryRaw<{ id: bigint; type: string; payload: unknown }[]>`
    SELECT id, type, payload FROM task_outbox WHERE published_at IS NULL ORDER BY id LIMIT ${batchSize}`;
  let published = 0;
  for (const row of rows) {
    try {
      await publish({ id: Number(row.id), type: row.type, payload: row.payload });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await prisma.$executeRaw`UPDATE task_outbox SET attempts = attempts + 1, last_error = ${message} WHERE id = ${row.id}`;
      // Stop here: publishing later rows now would deliver them before this one.
      return { published, failed: 1 };
    }
    await prisma.$executeRaw`UPDATE task_outbox SET published_at = ${now} WHERE id = ${row.id}`;
    published += 1;
  }
  return { published, failed: 0 };
}
