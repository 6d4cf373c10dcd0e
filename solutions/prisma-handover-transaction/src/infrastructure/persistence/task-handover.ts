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
export async function handOverTasks(prisma: PrismaClient, { fromUserId, toUserId, actorId, now }: Handover): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const tasks = await tx.task.findMany({
      where: { assigneeId: fromUserId, status: { not: 'COMPLETED' } },
      select: { id: true },
    });
    const data = JSON.stringify({ from: fromUserId, to: toUserId });
    for (const { id } of tasks) {
      await tx.task.update({ where: { id }, data: { assigneeId: toUserId, status: 'IN_PROGRESS', updatedAt: now } });
      await tx.$executeRaw`INSERT INTO task_audit (task_id, action, actor_id, data, at)
                           VALUES (${id}, 'task.handed-over', ${actorId}, ${data}::jsonb, ${now})`;
    }
    return tasks.length;
  });
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
