/** Where the next page of a keyset-paginated task list starts: after this task, in (createdAt, id) order. */
export interface TaskCursor {
  /** The last task's creation time, exactly as Date#toISOString() writes it: 2026-03-01T09:30:00.000Z. */
  createdAt: string;
  /** The last task's id, a non-empty string. */
  id: string;
}

/** Turns a cursor into the opaque token the API hands out (`?after=<token>`) and back. */
export interface TaskCursorCodec {
  /** The token: base64url without padding of the UTF-8 JSON {"createdAt":…,"id":…}, in that key order. */
  encode(cursor: TaskCursor): string;
  /** The cursor a token holds; throws a DomainError `CURSOR.INVALID` for a token encode() cannot produce. */
  decode(token: string): TaskCursor;
}
