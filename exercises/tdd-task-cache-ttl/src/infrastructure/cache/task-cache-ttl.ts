import type { TaskCacheTtl } from '../../application/ports/task-cache-ttl.port.js';

/** Stage 2: make your spec (and the hidden checks) pass. */
export const taskCacheTtl: TaskCacheTtl = () => {
  throw new Error('taskCacheTtl() is not implemented yet');
};
