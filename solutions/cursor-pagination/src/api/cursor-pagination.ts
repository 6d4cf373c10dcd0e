/** Anything that can be paged: a stable id and a creation time. */
export interface Positioned {
  id: string;
  createdAt: Date;
}

export interface Page<T> {
  items: T[];
  /** Cursor of the last returned item, or null when there is nothing after it. */
  nextCursor: string | null;
}

export class InvalidCursorError extends Error {
  readonly code = 'PAGINATION.INVALID_CURSOR';
  override name = 'InvalidCursorError';
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/** Turns a position into an opaque string token. */
export function encodeCursor(position: Positioned): string {
  return Buffer.from(JSON.stringify({ t: position.createdAt.getTime(), id: position.id })).toString('base64url');
}

/** Reads a token made by encodeCursor; throws InvalidCursorError for anything else. */
export function decodeCursor(cursor: string): Positioned {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('cursor is not a token this API issued; start again without "after"');
  }
  const { t, id } = (raw ?? {}) as { t?: unknown; id?: unknown };
  const createdAt = new Date(typeof t === 'number' ? t : Number.NaN);
  // A finite number can still be out of Date's range (1e20): that is an invalid date too.
  if (Number.isNaN(createdAt.getTime()) || typeof id !== 'string' || id === '') {
    throw new InvalidCursorError('cursor is malformed; start again without "after"');
  }
  return { createdAt, id };
}

/** Newest first; the id breaks ties so every item has exactly one position. */
function compare(a: Positioned, b: Positioned): number {
  const byTime = b.createdAt.getTime() - a.createdAt.getTime();
  if (byTime !== 0) return byTime;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Returns the page after `options.after`, newest first (createdAt desc, id desc). */
export function paginate<T extends Positioned>(
  items: readonly T[],
  options: { limit?: number; after?: string | null } = {},
): Page<T> {
  const requested = options.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(requested) || requested < 1) throw new RangeError(`limit must be an integer of at least 1, got ${requested}`);
  const limit = Math.min(requested, MAX_LIMIT);
  const after = options.after ? decodeCursor(options.after) : undefined;
  const sorted = [...items].sort(compare);
  const rest = after ? sorted.filter((item) => compare(after, item) < 0) : sorted;
  const window = rest.slice(0, limit + 1);
  const pageItems = window.slice(0, limit);
  const last = pageItems.at(-1);
  return { items: pageItems, nextCursor: window.length > limit && last ? encodeCursor(last) : null };
}
