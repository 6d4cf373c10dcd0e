import type { RetryDelay } from '../../application/ports/retry-schedule.port.js';

/** Stage 2: make your spec (and the hidden checks) pass. */
export const retryDelay: RetryDelay = () => {
  throw new Error('retryDelay() is not implemented yet');
};
