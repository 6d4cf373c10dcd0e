import { z } from 'zod';
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

const MAX_LIMIT = 100;
const cursorSchema = z.object({ createdAt: z.iso.datetime(), id: z.string().min(1) });
type Cursor = z.infer<typeof cursorSchema>;

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(raw: string): Cursor {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
  } catch {
    throw new DomainError('TASK.INVALID_CURSOR', 'This cursor was not issued by the task list; start again without one.');
  }
}

/** One page of task summaries, newest first, continuing after `cursor`. */
export async function listTaskSummaries(prisma: PrismaClient, { limit, cursor }: { limit: number; cursor?: string | null }): Promise<SummaryPage> {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new DomainError('TASK.INVALID_PAGE', `limit must be an integer in 1–${MAX_LIMIT}; got ${limit}.`);
  }
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await prisma.task.findMany({
    select: { id: true, title: true, status: true, dueDate: true, createdAt: true },
    // Strictly after the last row seen, in (createdAt, id) order: stable under inserts.
    ...(after && {
      where: {
        OR: [{ createdAt: { lt: new Date(after.createdAt) } }, { createdAt: new Date(after.createdAt), id: { lt: after.id } }],
      },
    }),
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1, // one extra row tells whether a next page exists
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ id, title, status, dueDate }) => ({ id, title, status, dueDate })),
    nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
