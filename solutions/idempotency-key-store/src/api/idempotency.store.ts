import { createHash } from 'node:crypto';

/** What a handler produced, replayed verbatim to retries. */
export interface StoredResponse {
  status: number;
  body: unknown;
}

export class IdempotencyConflictError extends Error {
  readonly code = 'IDEMPOTENCY.KEY_REUSED';
  override name = 'IdempotencyConflictError';
}

/** Serialises with object keys sorted, so equal payloads give equal text whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** SHA-256 (hex) of method, path and body, independent of object key order. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method.toUpperCase()} ${path}\n${canonical(body)}`).digest('hex');
}

interface Entry {
  fingerprint: string;
  createdAt: number;
  response: Promise<StoredResponse>;
}

/** Executes each user's idempotency key at most once and replays its response until it expires. */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(private readonly options: { ttlMs: number; now?: () => number }) {
    this.now = options.now ?? Date.now;
  }

  async execute(
    userId: string,
    key: string,
    fingerprint: string,
    handler: () => Promise<StoredResponse>,
  ): Promise<{ response: StoredResponse; replayed: boolean }> {
    if (key === '') throw new RangeError('Idempotency-Key must not be empty');
    if (userId === '') throw new RangeError('the user id must not be empty: keys are scoped per user');
    const scoped = JSON.stringify([userId, key]); // one namespace per user, and no separator that two ids could share
    const existing = this.entries.get(scoped);
    if (existing && this.now() - existing.createdAt < this.options.ttlMs) {
      if (existing.fingerprint !== fingerprint) {
        throw new IdempotencyConflictError(`Idempotency-Key "${key}" was already used for a different request`);
      }
      return { response: await existing.response, replayed: true };
    }
    // Register the in-flight promise before awaiting it, so concurrent duplicates share it.
    const entry: Entry = { fingerprint, createdAt: this.now(), response: handler() };
    this.entries.set(scoped, entry);
    try {
      return { response: await entry.response, replayed: false };
    } catch (error) {
      if (this.entries.get(scoped) === entry) this.entries.delete(scoped);
      throw error;
    }
  }
}
