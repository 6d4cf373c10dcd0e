import { describe } from 'vitest';
import { taskCursorCodec } from './task-cursor.js';

// Stage 1: describe encode() and decode() here, one it() per rule, before writing any of them.
describe('taskCursorCodec', () => {
  void taskCursorCodec;
});
