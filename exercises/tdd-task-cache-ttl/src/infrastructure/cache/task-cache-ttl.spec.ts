import { describe } from 'vitest';
import { taskCacheTtl } from './task-cache-ttl.js';

// Stage 1: describe taskCacheTtl() here, one it() per rule, before writing any of it.
describe('taskCacheTtl', () => {
  void taskCacheTtl;
});
