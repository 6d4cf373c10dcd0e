import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker.js';

describe('CircuitBreaker', () => {
  it('starts closed and passes results through', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 3, resetTimeoutMs: 1_000, now: () => 0 });
    expect(breaker.state).toBe('CLOSED');
    expect(await breaker.call(async () => 'pong')).toBe('pong');
  });

  // TODO: opening at the threshold, refusing calls while open, the trial call, resetting the count…
});
