/** How often a failing background job is tried, and how long the queue waits between tries. */
export interface RetryPolicy {
  /** Tries in all, the first one included: 1 means "never retry". An integer, at least 1. */
  attempts: number;
  /** Wait before the first retry, in milliseconds; each later retry waits twice the previous one. At least 0. */
  baseDelayMs: number;
  /** No wait is ever longer than this, in milliseconds. At least baseDelayMs. */
  maxDelayMs: number;
}

/**
 * The wait before the next try of a job whose try number `attemptsMade` (1 = the first) has just
 * failed, in milliseconds; `null` when no try is left (the job is dead-lettered).
 * Throws a DomainError `RETRY.INVALID_POLICY` for a policy that breaks its own rules and
 * `RETRY.INVALID_ATTEMPT` when `attemptsMade` is not an integer of at least 1.
 */
export type RetryDelay = (policy: RetryPolicy, attemptsMade: number) => number | null;
