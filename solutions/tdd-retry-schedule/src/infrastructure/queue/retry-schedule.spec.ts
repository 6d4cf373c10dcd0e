import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../domain/shared/domain-error.js';
import { retryDelay } from './retry-schedule.js';

const policy = { attempts: 6, baseDelayMs: 100, maxDelayMs: 1_000 };

const errorOf = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('retryDelay', () => {
  it('waits baseDelayMs before the first retry', () => {
    expect(retryDelay(policy, 1)).toBe(100);
  });

  it('doubles the wait for each later retry', () => {
    expect([2, 3, 4].map((n) => retryDelay(policy, n))).toEqual([200, 400, 800]);
  });

  it('never waits longer than maxDelayMs', () => {
    expect(retryDelay(policy, 5)).toBe(1_000);
    expect(retryDelay({ attempts: 100, baseDelayMs: 100, maxDelayMs: 1_000 }, 60)).toBe(1_000);
  });

  it('has no retry left once attemptsMade reaches attempts', () => {
    expect(retryDelay(policy, 6)).toBeNull();
    expect(retryDelay(policy, 7)).toBeNull();
    expect(retryDelay({ attempts: 1, baseDelayMs: 100, maxDelayMs: 100 }, 1)).toBeNull();
  });

  it('refuses an attempt number that is not an integer of at least 1', () => {
    for (const n of [0, -1, 1.5, Number.NaN])
      expect(isDomainError(errorOf(() => retryDelay(policy, n)), 'RETRY.INVALID_ATTEMPT')).toBe(true);
  });

  it('refuses a policy that breaks its own rules', () => {
    const broken = [
      { ...policy, attempts: 0 },
      { ...policy, attempts: 2.5 },
      { ...policy, baseDelayMs: -1 },
      { ...policy, maxDelayMs: 99 },
    ];
    for (const p of broken) expect(isDomainError(errorOf(() => retryDelay(p, 1)), 'RETRY.INVALID_POLICY')).toBe(true);
  });

  it('accepts a ceiling equal to the base wait', () => {
    expect(retryDelay({ attempts: 3, baseDelayMs: 50, maxDelayMs: 50 }, 2)).toBe(50);
  });

  it('accepts a base wait of 0: retry at once, every time', () => {
    expect(retryDelay({ attempts: 3, baseDelayMs: 0, maxDelayMs: 0 }, 2)).toBe(0);
  });
});
