// The few Node globals service code leans on without importing them, given their Node behaviour in
// the grading worker so a correct answer written for Node is graded the same in the browser:
// timers return a Timeout with unref()/ref()/hasRef()/refresh() (a worker has no event loop to keep
// alive, so unref only records the flag), `process` (node/node-process.ts: nextTick, an empty env,
// stdout to the console) and `Buffer` (the node:buffer stand-in the page sends, so the global and
// the imported class are one).
// Installed after Vitest's runtime is loaded: Vitest keeps its own copies of the original timers.

interface NodeTimeout {
  unref(): NodeTimeout;
  ref(): NodeTimeout;
  hasRef(): boolean;
  refresh(): NodeTimeout;
  [Symbol.toPrimitive](): number;
}

import { createProcess } from './node/node-process.ts';

export function installNodeGlobals(scope: typeof globalThis, buffer?: unknown): void {
  const { setTimeout: set, clearTimeout: clear, setInterval: every, clearInterval: clearEvery } = scope;
  type Handle = ReturnType<typeof set>;
  const wrap = (start: () => Handle): NodeTimeout => {
    let id = start();
    let referenced = true;
    const timeout: NodeTimeout = {
      unref: () => {
        referenced = false;
        return timeout;
      },
      ref: () => {
        referenced = true;
        return timeout;
      },
      hasRef: () => referenced,
      refresh: () => {
        clear(id);
        id = start();
        return timeout;
      },
      // In a worker the handle is a number; Number() keeps clearTimeout(timeout) working.
      [Symbol.toPrimitive]: () => Number(id),
    };
    return timeout;
  };
  const idOf = (handle: unknown) =>
    (typeof handle === 'object' && handle !== null ? Number(handle) : handle) as Handle | undefined;
  type Callback = (...args: unknown[]) => void;
  Object.assign(scope, {
    setTimeout: (fn: Callback, ms?: number, ...args: unknown[]) => wrap(() => set(fn, ms, ...args)),
    setInterval: (fn: Callback, ms?: number, ...args: unknown[]) => wrap(() => every(fn, ms, ...args)),
    clearTimeout: (handle: unknown) => clear(idOf(handle)),
    clearInterval: (handle: unknown) => clearEvery(idOf(handle)),
    setImmediate: (fn: Callback, ...args: unknown[]) => wrap(() => set(fn, 0, ...args)),
    clearImmediate: (handle: unknown) => clear(idOf(handle)),
    process: createProcess(scope.console),
    global: scope,
    ...(buffer ? { Buffer: buffer } : {}),
  });
}
