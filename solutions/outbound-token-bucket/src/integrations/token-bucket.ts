export interface TokenBucketOptions {
  capacity: number;
  refillPerSecond: number;
  /** Current time in milliseconds. */
  now: () => number;
}

/** Client-side rate limiter: bursts up to capacity, sustained rate refillPerSecond. */
export class TokenBucket {
  private tokens: number;
  private lastRefill: number;
  private pausedUntil = 0;

  constructor(private readonly options: TokenBucketOptions) {
    this.tokens = options.capacity;
    this.lastRefill = options.now();
  }

  get available(): number {
    this.refill();
    return this.tokens;
  }

  tryTake(n = 1): boolean {
    this.check(n);
    this.refill();
    if (this.options.now() < this.pausedUntil || this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }

  msUntilAvailable(n = 1): number {
    this.check(n);
    this.refill();
    const pause = Math.max(0, this.pausedUntil - this.options.now());
    const refill = this.tokens >= n ? 0 : ((n - this.tokens) / this.options.refillPerSecond) * 1000;
    return Math.ceil(Math.max(pause, refill));
  }

  pauseUntil(timeMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, timeMs);
  }

  /** Lazy refill: tokens accrue with elapsed time, fractions included, up to capacity. */
  private refill(): void {
    const now = this.options.now();
    const elapsed = Math.max(0, now - this.lastRefill);
    this.tokens = Math.min(this.options.capacity, this.tokens + (elapsed / 1000) * this.options.refillPerSecond);
    this.lastRefill = now;
  }

  private check(n: number): void {
    if (!(n > 0) || n > this.options.capacity) throw new RangeError(`cannot take ${n} tokens from a bucket of capacity ${this.options.capacity}`);
  }
}

/** The time (ms) a Retry-After header asks us to wait until, or undefined. */
export function parseRetryAfter(header: string, nowMs: number): number | undefined {
  const value = header.trim();
  if (/^\d+$/.test(value)) return nowMs + Number(value) * 1000;
  const date = Date.parse(value);
  return /[a-z]/i.test(value) && Number.isFinite(date) ? date : undefined;
}
