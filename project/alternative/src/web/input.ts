import { z } from 'zod';
import { problems } from '../core/problem.js';

const trimmedTitle = z.string().trim().min(3, 'title needs at least 3 characters').max(200);
const description = z.string().max(5000).nullable();

export const registration = z.object({
  email: z.email('email must be a valid address'),
  name: z.string().trim().min(1, 'name is required').max(100),
  password: z.string().min(8, 'password needs at least 8 characters').max(200),
});

export const credentials = z.object({ email: z.string(), password: z.string() });

export const newTask = z.object({ title: trimmedTitle, description: description.optional() });

export const taskChange = z
  .object({ title: trimmedTitle.optional(), description: description.optional() })
  .refine((c) => c.title !== undefined || c.description !== undefined, 'send title or description to change');

export const assignment = z.object({ userId: z.uuid('userId must be a user id (UUID)') });

const whole = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`))
    .optional()
    .transform((n) => n ?? fallback);

export const listing = z.object({
  page: whole('page', 1, Number.MAX_SAFE_INTEGER, 1),
  limit: whole('limit', 1, 100, 20),
});

/** A task id that is not even a UUID names no task: 404, like any unknown id. */
export function taskId(id: string): string {
  if (!z.uuid().safeParse(id).success) throw problems.taskNotFound(id);
  return id;
}

/** Parses untrusted input, or throws 400 REQUEST.INVALID naming each field that is wrong. */
export function read<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  throw problems.invalid(details.join('; '));
}
