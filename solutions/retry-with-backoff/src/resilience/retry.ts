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
  const capped = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retryNumber - 1));
  // Full jitter spreads clients that failed together over the whole window.
  return (options.jitter ?? 'full') === 'full' ? capped * (options.random ?? Math.random)() : capped;
}

/** A timer that stops early, rejecting with the abort reason, when the signal aborts. */
function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Calls fn until it succeeds, a permanent error occurs, attempts run out or the signal aborts. */
export async function retry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? realSleep;
  const retryOn = options.retryOn ?? (() => true);
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted();
    try {
      return await fn(attempt);
    } catch (error) {
      if (!retryOn(error, attempt)) throw error;
      if (attempt >= options.attempts) throw new RetryError(attempt, error);
    }
    await sleep(backoffDelay(attempt, options), options.signal);
    options.signal?.throwIfAborted();
  }
}
