/**
 * The two slow queries from the production log (do not change them: the checks run these).
 * $1 is a user id for the first, a lower-case prefix followed by % for the second.
 */
export const OPEN_TASKS_BY_DUE_DATE = `SELECT id, title, due_date FROM tasks
 WHERE assignee_id = $1 AND status <> 'COMPLETED'
 ORDER BY due_date ASC LIMIT 20`;

export const TITLE_PREFIX_SEARCH = `SELECT id, title FROM tasks
 WHERE lower(title) LIKE $1
 ORDER BY id LIMIT 20`;

/** CREATE INDEX statements (separated by semicolons) that make both queries fast. */
export const TASK_INDEX_SQL = `
-- Equality column first, then the ORDER BY column: the index hands rows over already sorted.
-- Partial: completed tasks (most rows, over time) are never asked for, so they are not indexed.
CREATE INDEX tasks_open_by_assignee_due_idx ON tasks (assignee_id, due_date) WHERE status <> 'COMPLETED';
-- An expression index on lower(title); text_pattern_ops lets LIKE 'prefix%' use it in any collation.
CREATE INDEX tasks_lower_title_prefix_idx ON tasks (lower(title) text_pattern_ops);
`;
