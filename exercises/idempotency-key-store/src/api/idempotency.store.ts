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

/** SHA-256 (hex) of method, path and body, independent of object key order. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  void createHash;
  throw new Error('Not implemented: requestFingerprint');
}

/** Executes each user's idempotency key at most once and replays its response until it expires. */
export class IdempotencyStore {
  constructor(private readonly options: { ttlMs: number; now?: () => number }) {}

  async execute(
    userId: string,
    key: string,
    fingerprint: string,
    handler: () => Promise<StoredResponse>,
  ): Promise<{ response: StoredResponse; replayed: boolean }> {
    throw new Error('Not implemented: IdempotencyStore.execute');
  }
}
