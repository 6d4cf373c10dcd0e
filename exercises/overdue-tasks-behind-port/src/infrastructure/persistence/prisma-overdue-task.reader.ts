import type { OverdueFilter, OverdueTaskReader } from '../../application/ports/overdue-task-reader.port.js';
import type { TaskProps } from '../../domain/task/task.entity.js';
import type { PrismaClient } from '../../generated/prisma/client.js';

/** The OverdueTaskReader port on Prisma. */
export class PrismaOverdueTaskReader implements OverdueTaskReader {
  constructor(private readonly prisma: PrismaClient) {}

  async findOverdue(filter: OverdueFilter): Promise<TaskProps[]> {
    // TODO: the query from the handler belongs here.
    return [];
  }
}
