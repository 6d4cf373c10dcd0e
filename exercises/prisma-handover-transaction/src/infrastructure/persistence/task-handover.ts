import type { PrismaClient } from '../../generated/prisma/client.js';

export interface Handover {
  fromUserId: string;
  toUserId: string;
  actorId: string;
  now: Date;
}

export interface Workload {
  assigneeId: string;
  open: number;
  overdue: number;
}

/** Moves fromUserId's open tasks to toUserId and audits each move, atomically; returns how many moved. */
export async function handOverTasks(prisma: PrismaClient, handover: Handover): Promise<number> {
  // TODO: not atomic, and nothing is audited.
  const { count } = await prisma.task.updateMany({
    where: { assigneeId: handover.fromUserId },
    data: { assigneeId: handover.toUserId, updatedAt: handover.now },
  });
  return count;
}

/** Open and overdue task counts per assignee, busiest first. */
export async function workloadByAssignee(prisma: PrismaClient, now: Date): Promise<Workload[]> {
  // TODO: one aggregate query instead of loading every task.
  return [];
}
