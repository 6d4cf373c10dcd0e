import { DomainError } from '../../domain/shared/domain-error.js';

export interface SqlQuery {
  text: string;
  values: unknown[];
}

/** A parameterised search over tasks from untrusted input; throws VALIDATION.FAILED for bad input. */
export function buildTaskSearch(input: unknown): SqlQuery {
  // TODO: no validation, and user input is pasted into the SQL. Never do this.
  const { q, sort = 'created_at', direction = 'desc', limit = 20 } = input as Record<string, string>;
  if (!q) throw new DomainError('VALIDATION.FAILED', 'q is required.');
  return {
    text: `SELECT id, title, status FROM tasks WHERE title ILIKE '%${q}%' ORDER BY ${sort} ${direction} LIMIT ${limit}`,
    values: [],
  };
}
