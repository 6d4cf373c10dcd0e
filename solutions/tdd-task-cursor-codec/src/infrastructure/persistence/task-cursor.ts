import { z } from 'zod';
import type { TaskCursor, TaskCursorCodec } from '../../application/ports/task-cursor.port.js';
import { DomainError } from '../../domain/shared/domain-error.js';

/** Exactly what Date#toISOString() writes, for a real instant (so 2026-02-30 is refused). */
const isIsoInstant = (value: string) => {
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value;
};

// A token comes back from the client: validate it like any input crossing a boundary.
const cursorSchema = z.object({
  createdAt: z.string().refine(isIsoInstant, 'must be an ISO 8601 UTC timestamp'),
  id: z.string().min(1),
}).strict();

const BASE64URL = /^[A-Za-z0-9_-]+$/;

const invalid = (why: string) => new DomainError('CURSOR.INVALID', `Invalid page cursor: ${why}`);

function checked(value: unknown): TaskCursor {
  const parsed = cursorSchema.safeParse(value);
  if (!parsed.success)
    throw invalid(parsed.error.issues.map((i) => `${i.path.join('.') || 'cursor'} ${i.message}`).join('; '));
  return parsed.data;
}

export const taskCursorCodec: TaskCursorCodec = {
  encode(cursor) {
    const { createdAt, id } = checked({ createdAt: cursor.createdAt, id: cursor.id });
    return Buffer.from(JSON.stringify({ createdAt, id }), 'utf8').toString('base64url');
  },
  decode(token) {
    if (!BASE64URL.test(token)) throw invalid('not a base64url token');
    let value: unknown;
    try {
      value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    } catch {
      throw invalid('not JSON');
    }
    return checked(value);
  },
};
