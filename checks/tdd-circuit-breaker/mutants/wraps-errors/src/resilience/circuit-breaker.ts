// The implementation under test. Read it, but write your work in circuit-breaker.spec.ts:
// you are graded on whether your tests catch wrong versions of this file.

export type CircuitState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

export class CircuitOpenError extends Error {
  readonly code = 'CIRCUIT.OPEN';
  override name = 'CircuitOpenError';
}

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one trial call is let through. */
  resetTimeoutMs: number;
  now?: () => number;
}

/** Stops calling a failing dependency for a while, then lets one trial call test it. */
export class CircuitBreaker {
  private current: CircuitState = 'CLOSED';
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    return this.current;
  }

  async call<T>(fn: () => Promise<T>): Promise<T> {
    if (this.current === 'OPEN') {
      if (this.now() - this.openedAt < this.options.resetTimeoutMs) {
        throw new CircuitOpenError('circuit is open: the dependency is failing, not calling it');
      }
      this.current = 'HALF_OPEN';
    }
    if (this.current === 'HALF_OPEN') {
      if (this.trialInFlight) throw new CircuitOpenError('circuit is half-open: a trial call is already running');
      this.trialInFlight = true;
    }
    try {
      const result = await fn();
      this.onSuccess();
      return result;
    } catch (error) {
      this.onFailure();
      throw new Error(error instanceof Error ? error.message : String(error), { cause: error });
    } finally {
      this.trialInFlight = false;
    }
  }

  private onSuccess(): void {
    this.failures = 0;
    this.current = 'CLOSED';
  }

  private onFailure(): void {
    this.failures += 1;
    if (this.current === 'HALF_OPEN' || this.failures >= this.options.failureThreshold) {
      this.current = 'OPEN';
      this.openedAt = this.now();
    }
  }
}
