import { z } from 'zod';
import { DomainError } from '../../domain/shared/domain-error.js';
import { TaskStatus } from '../../domain/task/task-status.js';

export interface SqlQuery {
  text: string;
  values: unknown[];
}

const searchRequest = z.strictObject({
  q: z.string().trim().min(1).max(100),
  status: z.enum(TaskStatus).optional(),
  sort: z.enum(['title', 'createdAt', 'dueDate']).default('createdAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** Identifiers cannot be parameters: only these fixed strings ever reach ORDER BY. */
const SORT_COLUMNS = { title: 'title', createdAt: 'created_at', dueDate: 'due_date' } as const;
const DIRECTIONS = { asc: 'ASC', desc: 'DESC' } as const;

/** Makes %, _ and \ literal inside a LIKE pattern (used with ESCAPE '\'). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A parameterised search over tasks from untrusted input; throws VALIDATION.FAILED for bad input. */
export function buildTaskSearch(input: unknown): SqlQuery {
  const parsed = searchRequest.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));
    throw new DomainError('VALIDATION.FAILED', `Invalid search: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });
  }
  const { q, status, sort, direction, limit } = parsed.data;
  const values: unknown[] = [`%${escapeLike(q)}%`];
  let where = `title ILIKE $1 ESCAPE '\\'`;
  if (status !== undefined) {
    values.push(status);
    where += ` AND status = $${values.length}::"TaskStatus"`;
  }
  values.push(limit);
  return {
    text: `SELECT id, title, status::text AS status FROM tasks WHERE ${where} ORDER BY ${SORT_COLUMNS[sort]} ${DIRECTIONS[direction]}, id ASC LIMIT $${values.length}`,
    values,
  };
}
