// The rest of the Node built-ins NestJS's common, core and testing packages import at load time,
// for features a check in the browser never reaches (file streams, TLS servers, the REPL, optional
// packages). Each is a class or function that exists, so the bundle loads; using one says where to
// run instead. esbuild maps each built-in to the matching export set (scripts/sandbox-build.ts).
const unavailable = (what: string) => {
  throw new Error(
    `${what} is not available when checks run in the browser; run them with the local grader (npm start).`,
  );
};

// stream: Nest checks `instanceof Readable` on handler results and wraps StreamableFile bodies;
// CommonJS packages (jws) call `Stream.call(this)`, so Stream is a plain function, as in Node.
export const Stream = function Stream() {} as unknown as new () => object;
export class Readable extends Stream {
  constructor() {
    super();
    unavailable('stream.Readable');
  }
}
export class Transform extends Readable {}
export const finished = () => unavailable('stream.finished');

// async_hooks: Nest binds interceptor callbacks to their async context (a no-op without Node's hooks).
export class AsyncResource {
  static bind<F extends (...args: never[]) => unknown>(fn: F): F {
    return fn;
  }
  bind<F extends (...args: never[]) => unknown>(fn: F): F {
    return fn;
  }
  runInAsyncScope<R>(fn: (...args: unknown[]) => R, thisArg?: unknown, ...args: unknown[]): R {
    return fn.apply(thisArg, args);
  }
}

// os, tls, module, repl, perf_hooks
export const platform = () => 'browser';
export class Server {
  constructor() {
    unavailable('tls.Server');
  }
}
export const createRequire = () => (name: string) => unavailable(`require("${name}")`);
export const start = () => unavailable('The REPL');
export const performance = globalThis.performance;
