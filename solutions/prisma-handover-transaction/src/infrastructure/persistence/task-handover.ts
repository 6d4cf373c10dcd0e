import type { IEvent } from '@nestjs/cqrs';
import { taskCacheKey, type Cache } from '../../application/ports/cache.port.js';
import { TaskAssignedEvent } from '../../domain/task/task.events.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { taskFromRow, taskToRow } from './prisma-task.mapper.js';

export interface Handover {
  fromUserId: string;
  toUserId: string;
  actorId: string;
  now: Date;
}

/** What a handover needs besides the database: the cache to invalidate and a bus to publish on. */
export interface HandoverDeps {
  prisma: PrismaClient;
  cache: Cache;
  events: { publish(event: IEvent): void };
}

export interface Workload {
  assigneeId: string;
  open: number;
  overdue: number;
}

/** Moves fromUserId's open tasks to toUserId through Task.assign() and audits each move, atomically. */
export async function handOverTasks({ prisma, cache, events }: HandoverDeps, { fromUserId, toUserId, actorId, now }: Handover): Promise<number> {
  const moved = await prisma.$transaction(async (tx) => {
    const rows = await tx.task.findMany({ where: { assigneeId: fromUserId, status: { not: 'COMPLETED' } }, orderBy: { id: 'asc' } });
    const data = JSON.stringify({ from: fromUserId, to: toUserId });
    const tasks = rows.map(taskFromRow);
    for (const task of tasks) {
      task.assign(toUserId, now); // the entity's rule: assigning starts the work, a completed task refuses
      const { id, createdAt: _createdAt, ...changes } = taskToRow(task);
      await tx.task.update({ where: { id }, data: changes });
      await tx.$executeRaw`INSERT INTO task_audit (task_id, action, actor_id, data, at)
                           VALUES (${id}, 'task.handed-over', ${actorId}, ${data}::jsonb, ${now})`;
    }
    return tasks;
  });
  // Only after the commit: a rolled-back handover must leave no trace in the cache or on the bus.
  for (const task of moved) await cache.del(taskCacheKey(task.id));
  for (const task of moved) events.publish(new TaskAssignedEvent(task.props, actorId, now));
  return moved.length;
}

/** Open and overdue task counts per assignee, busiest first. */
export async function workloadByAssignee(prisma: PrismaClient, now: Date): Promise<Workload[]> {
  const rows = await prisma.$queryRaw<{ assigneeId: string; open: bigint; overdue: bigint }[]>`
    SELECT assignee_id AS "assigneeId",
           COUNT(*) AS open,
           COUNT(*) FILTER (WHERE due_date < ${now}) AS overdue
      FROM tasks
     WHERE assignee_id IS NOT NULL AND status <> 'COMPLETED'
     GROUP BY assignee_id
     ORDER BY open DESC, assignee_id ASC`;
  // COUNT is a bigint in PostgreSQL and arrives as a BigInt.
  return rows.map((r) => ({ assigneeId: r.assigneeId, open: Number(r.open), overdue: Number(r.overdue) }));
}
