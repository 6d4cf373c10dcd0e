import type { RetryDelay, RetryPolicy } from '../../application/ports/retry-schedule.port.js';
import { DomainError } from '../../domain/shared/domain-error.js';

function assertPolicy({ attempts, baseDelayMs, maxDelayMs }: RetryPolicy): void {
  if (!Number.isInteger(attempts) || attempts < 1)
    throw new DomainError('RETRY.INVALID_POLICY', `attempts must be an integer of at least 1, not ${attempts}`);
  if (!(baseDelayMs >= 0))
    throw new DomainError('RETRY.INVALID_POLICY', `baseDelayMs must be at least 0, not ${baseDelayMs}`);
  if (!(maxDelayMs >= baseDelayMs))
    throw new DomainError('RETRY.INVALID_POLICY', `maxDelayMs (${maxDelayMs}) must be at least baseDelayMs (${baseDelayMs})`);
}

/** Exponential backoff with a ceiling: base, 2 × base, 4 × base, … never above maxDelayMs. */
export const retryDelay: RetryDelay = (policy, attemptsMade) => {
  assertPolicy(policy);
  if (!Number.isInteger(attemptsMade) || attemptsMade < 1)
    throw new DomainError('RETRY.INVALID_ATTEMPT', `attemptsMade must be an integer of at least 1, not ${attemptsMade}`);
  if (attemptsMade >= policy.attempts) return null;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attemptsMade - 1));
};
