export interface RetryOptions {
  /** Total number of calls, at least 1. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  jitter?: 'full' | 'none';
  random?: () => number;
  retryOn?: (error: unknown, attempt: number) => boolean;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
}

export class RetryError extends Error {
  readonly code = 'RETRY.EXHAUSTED';
  override name = 'RetryError';
  constructor(
    readonly attempts: number,
    override readonly cause: unknown,
  ) {
    super(`gave up after ${attempts} attempts: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** Pause before retry number `retryNumber` (1-based). */
export function backoffDelay(retryNumber: number, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'jitter' | 'random'>): number {
  throw new Error(`Not implemented: backoffDelay(${retryNumber})`);
}

/** Calls fn until it succeeds, a permanent error occurs, attempts run out or the signal aborts. */
export async function retry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  throw new Error(`Not implemented: retry (${typeof fn}, ${options.attempts})`);
}
