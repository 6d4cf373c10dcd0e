import { z } from 'zod';
import { TaskStatus } from '../../domain/task/task-status.js';
import { TASK_SORT_FIELDS } from '../../domain/task/task.repository.js';
import { MAX_PAGE_SIZE } from '../../application/queries/list-tasks.query.js';

/*
 * The shapes HTTP requests must have. zod checks types and bounds here, at the edge; business
 * rules (title length after trimming, who may assign) stay in the domain, which reports them
 * with its own codes. Objects are strict so a misspelt field is an error, not silently ignored.
 */

export const idParam = z.uuid({ error: 'must be a UUID' });

/** bcrypt reads only the first 72 bytes of a password, counted in UTF-8, not in characters. */
export const BCRYPT_MAX_BYTES = 72;

// bcrypt ignores everything after 72 bytes: refusing longer input avoids a false sense of security.
// zod's max() counts UTF-16 units, and "é" is one unit but two bytes, so 72 of them are 144 bytes.
const utf8Bytes = (value: string) => new TextEncoder().encode(value).length;
const password = (min: number) =>
  z.string().min(min).max(BCRYPT_MAX_BYTES).refine((value) => utf8Bytes(value) <= BCRYPT_MAX_BYTES, {
    error: `must be at most ${BCRYPT_MAX_BYTES} bytes in UTF-8 (accented letters take 2 bytes, emoji 4): shorten it`,
  });

export const registerRequest = z.strictObject({
  email: z.email().max(254).describe('Login name; stored lower-case.'),
  name: z.string().min(1).max(100).describe('Display name.'),
  password: password(8).describe('8 characters to 72 bytes in UTF-8.'),
});
export type RegisterRequest = z.infer<typeof registerRequest>;

export const loginRequest = z.strictObject({
  email: z.string().min(1).max(254),
  password: password(1),
});
export type LoginRequest = z.infer<typeof loginRequest>;

const dueDate = z.iso.datetime({ offset: true }).nullable().describe('ISO 8601 date-time, or null for none.');

export const createTaskRequest = z.strictObject({
  title: z.string().max(1000).describe('3–100 characters after trimming.'),
  description: z.string().max(5000).optional().describe('Up to 1000 characters after trimming.'),
  dueDate: dueDate.optional(),
});
export type CreateTaskRequest = z.infer<typeof createTaskRequest>;

export const updateTaskRequest = createTaskRequest
  .partial()
  .refine((body) => Object.keys(body).length > 0, { error: 'send at least one of title, description, dueDate' });
export type UpdateTaskRequest = z.infer<typeof updateTaskRequest>;

export const assignTaskRequest = z.strictObject({ userId: idParam.describe('The user who gets the task.') });
export type AssignTaskRequest = z.infer<typeof assignTaskRequest>;

const sortParam = z
  .string()
  .regex(new RegExp(`^-?(${TASK_SORT_FIELDS.join('|')})$`), {
    error: `must be one of ${TASK_SORT_FIELDS.join(', ')}, optionally prefixed with - for descending`,
  })
  .default('-createdAt')
  .transform((sort) => ({
    field: sort.replace(/^-/, '') as (typeof TASK_SORT_FIELDS)[number],
    direction: sort.startsWith('-') ? ('desc' as const) : ('asc' as const),
  }));

export const listTasksRequest = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  status: z.enum(TaskStatus).optional(),
  assigneeId: idParam.optional(),
  sort: sortParam,
});
export type ListTasksRequest = z.infer<typeof listTasksRequest>;

export const auditRequest = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(50) });

/** `"2026-01-05T10:00:00Z"` → Date, null stays null, absent stays undefined. */
export function toDate(value: string | null | undefined): Date | null | undefined {
  return value === undefined || value === null ? value : new Date(value);
}
