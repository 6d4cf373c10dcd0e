import { expect, it } from 'vitest';
import { isDomainError } from '../src/domain/shared/domain-error.js';
import { retryDelay } from '../src/infrastructure/queue/retry-schedule.js';

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return isDomainError(error) ? error.code : `not a DomainError: ${String(error)}`;
  }
  return undefined;
};

it('retryDelay() waits baseDelayMs before the first retry, then doubles the wait for each retry', () => {
  const policy = { attempts: 10, baseDelayMs: 250, maxDelayMs: 1_000_000 };
  expect([1, 2, 3, 4, 5].map((n) => retryDelay(policy, n))).toEqual([250, 500, 1_000, 2_000, 4_000]);
});

it('retryDelay() never waits longer than maxDelayMs, even after many tries', () => {
  const policy = { attempts: 2_000, baseDelayMs: 30, maxDelayMs: 700 };
  expect([5, 6, 50, 1_500].map((n) => retryDelay(policy, n))).toEqual([480, 700, 700, 700]);
});

it('retryDelay() returns null once attemptsMade reaches attempts', () => {
  const policy = { attempts: 3, baseDelayMs: 10, maxDelayMs: 100 };
  expect([1, 2, 3, 4].map((n) => retryDelay(policy, n))).toEqual([10, 20, null, null]);
  expect(retryDelay({ attempts: 1, baseDelayMs: 10, maxDelayMs: 100 }, 1)).toBeNull();
});

it('retryDelay() refuses an attemptsMade below 1 or not an integer with RETRY.INVALID_ATTEMPT', () => {
  const policy = { attempts: 3, baseDelayMs: 10, maxDelayMs: 100 };
  expect([0, -2, 1.5, Number.NaN].map((n) => codeOf(() => retryDelay(policy, n)))).toEqual(
    Array(4).fill('RETRY.INVALID_ATTEMPT'),
  );
});

it('retryDelay() refuses attempts below 1 or not an integer with RETRY.INVALID_POLICY', () => {
  const codes = [0, -1, 2.5].map((attempts) => codeOf(() => retryDelay({ attempts, baseDelayMs: 10, maxDelayMs: 100 }, 1)));
  expect(codes).toEqual(Array(3).fill('RETRY.INVALID_POLICY'));
});

it('retryDelay() refuses a negative baseDelayMs with RETRY.INVALID_POLICY and accepts 0', () => {
  expect(codeOf(() => retryDelay({ attempts: 3, baseDelayMs: -5, maxDelayMs: 100 }, 1))).toBe('RETRY.INVALID_POLICY');
  expect(retryDelay({ attempts: 3, baseDelayMs: 0, maxDelayMs: 100 }, 2)).toBe(0);
});

it('retryDelay() refuses a maxDelayMs below baseDelayMs with RETRY.INVALID_POLICY and accepts it equal', () => {
  expect(codeOf(() => retryDelay({ attempts: 3, baseDelayMs: 100, maxDelayMs: 99 }, 1))).toBe('RETRY.INVALID_POLICY');
  expect(retryDelay({ attempts: 3, baseDelayMs: 100, maxDelayMs: 100 }, 2)).toBe(100);
});
