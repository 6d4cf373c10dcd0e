import { DomainError } from '../../domain/shared/domain-error.js';
import type { TaskStatus } from '../../domain/task/task-status.js';
import type { PrismaClient } from '../../generated/prisma/client.js';

export interface TaskSummary {
  id: string;
  title: string;
  status: TaskStatus;
  dueDate: Date | null;
}

export interface SummaryPage {
  items: TaskSummary[];
  nextCursor: string | null;
}

/** One page of task summaries, newest first, continuing after `cursor`. */
export async function listTaskSummaries(prisma: PrismaClient, { limit, cursor }: { limit: number; cursor?: string | null }): Promise<SummaryPage> {
  // TODO: OFFSET paging that fetches every column. The "cursor" is just an offset.
  const offset = cursor ? Number(cursor) : 0;
  if (Number.isNaN(offset)) throw new DomainError('TASK.INVALID_CURSOR', 'Bad cursor.');
  const rows = await prisma.task.findMany({ orderBy: { createdAt: 'desc' }, skip: offset, take: limit });
  return { items: rows, nextCursor: rows.length === limit ? String(offset + limit) : null };
}
