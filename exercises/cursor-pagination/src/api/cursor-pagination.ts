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
  throw new Error('Not implemented: encodeCursor');
}

/** Reads a token made by encodeCursor; throws InvalidCursorError for anything else. */
export function decodeCursor(cursor: string): Positioned {
  throw new Error('Not implemented: decodeCursor');
}

/** Returns the page after `options.after`, newest first (createdAt desc, id desc). */
export function paginate<T extends Positioned>(
  items: readonly T[],
  options: { limit?: number; after?: string | null } = {},
): Page<T> {
  throw new Error('Not implemented: paginate');
}
