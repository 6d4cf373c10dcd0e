import type { TaskCursorCodec } from '../../application/ports/task-cursor.port.js';

/** Stage 2: make your spec (and the hidden checks) pass. */
export const taskCursorCodec: TaskCursorCodec = {
  encode() {
    throw new Error('encode() is not implemented yet');
  },
  decode() {
    throw new Error('decode() is not implemented yet');
  },
};
