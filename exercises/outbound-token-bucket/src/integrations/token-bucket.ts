export interface TokenBucketOptions {
  capacity: number;
  refillPerSecond: number;
  /** Current time in milliseconds. */
  now: () => number;
}

/** Client-side rate limiter: bursts up to capacity, sustained rate refillPerSecond. */
export class TokenBucket {
  constructor(private readonly options: TokenBucketOptions) {}

  get available(): number {
    throw new Error('Not implemented: available');
  }

  tryTake(n = 1): boolean {
    throw new Error(`Not implemented: tryTake (${n})`);
  }

  msUntilAvailable(n = 1): number {
    throw new Error(`Not implemented: msUntilAvailable (${n})`);
  }

  pauseUntil(timeMs: number): void {
    throw new Error(`Not implemented: pauseUntil (${timeMs})`);
  }
}

/** The time (ms) a Retry-After header asks us to wait until, or undefined. */
export function parseRetryAfter(header: string, nowMs: number): number | undefined {
  throw new Error(`Not implemented: parseRetryAfter (${header}, ${nowMs})`);
}
