// write-tests exercise: the learner's spec is graded against the reference breaker and the mutants in
// mutants/. This check only pins down the reference behaviour the mutants deviate from.
import { expect, it } from 'vitest';
import { CircuitBreaker, CircuitOpenError } from '../src/resilience/circuit-breaker.js';

it('the reference breaker opens at the threshold, refuses while open and closes after a good trial', async () => {
  let t = 0;
  const cb = new CircuitBreaker({ failureThreshold: 2, resetTimeoutMs: 100, now: () => t });
  for (let i = 0; i < 2; i++) await cb.call(() => Promise.reject(new Error('x'))).catch(() => undefined);
  expect(cb.state).toBe('OPEN');
  await expect(cb.call(async () => 1)).rejects.toBeInstanceOf(CircuitOpenError);
  t = 100;
  expect(await cb.call(async () => 2)).toBe(2);
  expect(cb.state).toBe('CLOSED');
});
