// The `process` global for the grading worker: what service code and NestJS reach for without
// importing it. nextTick runs before other queued work, env is empty (checks that read
// configuration run in the local grader), stdout/stderr go to the console (counted against the
// run's output cap), and exit/kill/abort fail loudly instead of ending anything.
type Callback = (...args: unknown[]) => void;

const refuse = (what: string) => () => {
  throw new Error(
    `process.${what}() is not available when checks run in the browser; run them with the local grader (npm start).`,
  );
};
const stream = (write: (text: string) => void) => ({
  write: (chunk: unknown, ...rest: unknown[]) => {
    write(String(chunk).replace(/\n$/, ''));
    const done = rest.find((r) => typeof r === 'function') as Callback | undefined;
    done?.();
    return true;
  },
  isTTY: false,
});

export function createProcess(console: Console) {
  const self = {
    env: {} as Record<string, string | undefined>,
    argv: [] as string[],
    pid: 1,
    platform: 'browser',
    version: '',
    versions: {} as Record<string, string>,
    nextTick: (fn: Callback, ...args: unknown[]) => queueMicrotask(() => fn(...args)),
    cwd: () => '/',
    uptime: () => performance.now() / 1000,
    hrtime: Object.assign(
      (previous?: [number, number]) => {
        const now = performance.now();
        const time: [number, number] = [Math.floor(now / 1000), Math.round((now % 1000) * 1e6)];
        if (!previous) return time;
        const ns = (time[0] - previous[0]) * 1e9 + (time[1] - previous[1]);
        return [Math.floor(ns / 1e9), ns % 1e9];
      },
      { bigint: () => BigInt(Math.round(performance.now() * 1e6)) },
    ),
    memoryUsage: () => ({ rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 }),
    stdout: stream((text) => console.log(text)),
    stderr: stream((text) => console.error(text)),
    emitWarning: (warning: unknown) => console.warn(String(warning)),
    on: () => self,
    once: () => self,
    off: () => self,
    addListener: () => self,
    removeListener: () => self,
    removeAllListeners: () => self,
    listeners: () => [],
    exit: refuse('exit'),
    kill: refuse('kill'),
    abort: refuse('abort'),
  };
  return self;
}
