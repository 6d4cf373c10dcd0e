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
export async function handOverTasks({ prisma, cache, events }: HandoverDeps, handover: Handover): Promise<number> {
  // TODO: not atomic, nothing is audited, the entity never sees the change, and the cache and the
  // rest of the system are not told.
  void cache;
  void events;
  void taskCacheKey;
  void TaskAssignedEvent;
  void taskFromRow;
  void taskToRow;
  const { count } = await prisma.task.updateMany({
    where: { assigneeId: handover.fromUserId },
    data: { assigneeId: handover.toUserId, updatedAt: handover.now },
  });
  return count;
}

/** Open and overdue task counts per assignee, busiest first. */
export async function workloadByAssignee(prisma: PrismaClient, now: Date): Promise<Workload[]> {
  // TODO: one aggregate query instead of loading every task.
  void prisma;
  void now;
  return [];
}
