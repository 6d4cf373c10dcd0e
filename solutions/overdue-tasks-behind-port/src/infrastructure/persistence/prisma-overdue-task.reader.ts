import type { OverdueFilter, OverdueTaskReader } from '../../application/ports/overdue-task-reader.port.js';
import type { TaskProps } from '../../domain/task/task.entity.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { taskFromRow } from './prisma-task.mapper.js';

/** The OverdueTaskReader port on Prisma. */
export class PrismaOverdueTaskReader implements OverdueTaskReader {
  constructor(private readonly prisma: PrismaClient) {}

  async findOverdue({ now, visibleTo, limit }: OverdueFilter): Promise<TaskProps[]> {
    const rows = await this.prisma.task.findMany({
      where: {
        status: { not: 'COMPLETED' },
        dueDate: { lt: now },
        ...(visibleTo !== undefined && { OR: [{ creatorId: visibleTo }, { assigneeId: visibleTo }] }),
      },
      orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
      take: limit,
    });
    return rows.map((row) => taskFromRow(row).props);
  }
}
