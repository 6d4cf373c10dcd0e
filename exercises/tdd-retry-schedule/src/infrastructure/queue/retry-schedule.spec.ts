import { describe } from 'vitest';
import { retryDelay } from './retry-schedule.js';

// Stage 1: describe retryDelay() here, one it() per rule, before writing any of it.
describe('retryDelay', () => {
  void retryDelay;
});
