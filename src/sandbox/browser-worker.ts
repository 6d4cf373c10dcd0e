// The grading worker: one per run, terminated by the page afterwards (or at the time limit, or on
// Cancel), so nothing a run does survives it. Links the modules it is sent into blob: URLs and runs
// the checks with Vitest's own runner (what Vitest's browser mode runs in the page). Built by
// scripts/sandbox-build.ts into <base>sandbox/worker.js; the shared vitest bundle is loaded by URL
// so the checks' `describe`/`it`/`expect` and this runner are one module instance.
import type { WorkerCheck, WorkerError, WorkerMessage, WorkerRunMessage } from './browser-protocol.ts';
import { packageFile } from './browser-paths.ts';
import { linkModules, mockedPackages } from './module-linker.ts';
import { installNodeGlobals } from './node-globals.ts';

type Runtime = typeof import('vitest/internal/browser');
type VitestRunner = Parameters<Runtime['startTests']>[1];
interface Task {
  type: string;
  name: string;
  tasks?: Task[];
  result?: {
    state?: string;
    duration?: number;
    errors?: { name?: string; message?: string; expected?: unknown; actual?: unknown }[];
  };
}

// Loaded as soon as the worker starts (the page keeps a spare one ready), from beside this file:
// the same URL the page sends for 'vitest', so checks and runner share one module instance.
const runtimeReady = import(
  /* @vite-ignore */ new URL(packageFile('vitest'), import.meta.url).href
) as Promise<Runtime>;
runtimeReady.catch(() => undefined);
// The global Buffer, from the same bundle `node:buffer` imports link to (one class in a run).
const bufferReady = import(/* @vite-ignore */ new URL(packageFile('node:buffer'), import.meta.url).href) as Promise<{
  Buffer: unknown;
}>;
bufferReady.catch(() => undefined);

const NEST_IMPORT = /\bfrom\s*['"]@nestjs\//;

/** Bound to the run's private port before any learner module is imported (see browser-run.ts). */
let post: (message: WorkerMessage) => void = () => undefined;

/**
 * Threat: learner code in this worker reaching the page's origin storage (the offline cache, other
 * exercises' data in IndexedDB) or the network. Workers never see localStorage; the rest is
 * removed from the worker's global scope (own properties and prototype getters) before any
 * learner module is imported. Module imports are not affected: they go through blob: URLs.
 */
function fenceIn(): void {
  const names = [
    'caches',
    'indexedDB',
    'fetch',
    'XMLHttpRequest',
    'WebSocket',
    'EventSource',
    'importScripts',
    'BroadcastChannel',
    'Worker',
    'SharedWorker',
    'WebTransport',
  ];
  for (let proto: object | null = self; proto; proto = Object.getPrototypeOf(proto)) {
    for (const name of names) {
      if (Object.hasOwn(proto, name)) Reflect.deleteProperty(proto, name);
    }
  }
}

/** Console output is counted; past the cap the run stops (the page reports it as the local grader does). */
function capConsole(cap: number): void {
  let written = 0;
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'] as const) {
    console[method] = (...args: unknown[]) => {
      written += args.reduce<number>((n, a) => n + String(a).length + 1, 0);
      if (written > cap) {
        post({ type: 'flood', characters: written });
        throw new Error('WORKBOOK_OUTPUT_FLOOD: your code wrote more console output than a run allows');
      }
    };
  }
}

function toError(e: { name?: string; message?: string; expected?: unknown; actual?: unknown }): WorkerError {
  const error: WorkerError = { message: String(e.message ?? 'unknown error') };
  if (e.name) error.name = e.name;
  if (typeof e.expected === 'string') error.expected = e.expected;
  if (typeof e.actual === 'string') error.actual = e.actual;
  return error;
}

function toCheck(task: Task): WorkerCheck {
  const state = task.result?.state;
  return {
    name: task.name,
    state: state === 'pass' ? 'passed' : state === 'fail' ? 'failed' : 'skipped',
    errors: (task.result?.errors ?? []).map(toError),
    durationMs: Math.max(0, Math.round(task.result?.duration ?? 0)),
  };
}

const tests = (tasks: readonly Task[]): Task[] =>
  tasks.flatMap((t) => (t.type === 'test' ? [t] : tests(t.tasks ?? [])));

async function run(message: WorkerRunMessage): Promise<void> {
  const vitestUrl = message.packages['vitest'];
  if (!vitestUrl) throw new Error('the page sent no vitest bundle');
  const preloaded = new URL(packageFile('vitest'), import.meta.url).href;
  const runtime =
    vitestUrl === preloaded ? await runtimeReady : ((await import(/* @vite-ignore */ vitestUrl)) as Runtime);
  const preloadedBuffer = new URL(packageFile('node:buffer'), import.meta.url).href;
  const bufferUrl = message.packages['node:buffer'];
  const buffer = bufferUrl
    ? await (bufferUrl === preloadedBuffer ? bufferReady : (import(/* @vite-ignore */ bufferUrl) as typeof bufferReady))
    : undefined;
  // Nest decorates its own classes while its modules load, so the metadata registry must be on the
  // global Reflect first (in Node, `import 'reflect-metadata'` runs before them; in the split bundle
  // the CommonJS polyfill would run after).
  const reflectUrl = message.packages['reflect-metadata'];
  if (reflectUrl && Object.values(message.modules).some((code) => NEST_IMPORT.test(code)))
    await import(/* @vite-ignore */ reflectUrl);
  capConsole(message.outputCap);
  installNodeGlobals(globalThis, buffer?.Buffer);
  // A mocked package's module re-exports each name the package has (its bundle says which).
  const mockExports: Record<string, string[]> = {};
  for (const specifier of mockedPackages(message.modules, message.entries)) {
    const url = message.packages[specifier];
    if (url) mockExports[specifier] = Object.keys(await import(/* @vite-ignore */ url));
  }
  const urls = linkModules(
    message.modules,
    message.entries,
    message.packages,
    (code) => URL.createObjectURL(new Blob([code], { type: 'text/javascript' })),
    mockExports,
  );
  fenceIn();
  // What `vi` reads from Vitest's per-worker state (fake timers, vi.stubEnv, snapshot diff options);
  // the values are Vitest's defaults, as the local grader runs with them.
  Object.assign(globalThis, {
    __vitest_worker__: {
      config: {
        fakeTimers: { loopLimit: 10_000, shouldClearNativeTimers: true },
        snapshotOptions: { expand: false },
        expect: {},
      },
      ctx: { concurrencyId: 0, workerId: 0, pool: 'browser' },
      onCleanup: () => undefined,
      durations: { environment: 0, prepare: 0 },
      metaEnv: {},
      providedContext: {},
      evaluatedModules: undefined,
    },
  });
  const runner = {
    config: {
      root: '/',
      name: 'workbook',
      sequence: { hooks: 'stack', setupFiles: 'list', shuffle: false, concurrent: false, seed: 0 },
      maxConcurrency: 5,
      testTimeout: message.testTimeoutMs,
      hookTimeout: message.testTimeoutMs,
      retry: 0,
      passWithNoTests: false,
      allowOnly: false,
      setupFiles: [],
      includeTaskLocation: false,
      expect: {},
      chaiConfig: undefined,
      diffOptions: undefined,
    },
    importFile: async (path: string) => {
      const url = urls.get(path);
      if (!url) throw new Error(`no module for ${path}`);
      await import(/* @vite-ignore */ url);
    },
    onBeforeRunTask: (test: Task) => {
      if (test.type === 'test') post({ type: 'running', check: test.name });
    },
    onAfterRunTask: (test: Task) => {
      if (test.type === 'test') post({ type: 'check', check: toCheck(test) });
    },
  } as unknown as VitestRunner;
  const files = (await runtime.startTests(message.entries, runner)) as unknown as Task[];
  const errors = files.flatMap((f) => f.result?.errors ?? []).map(toError);
  post({ type: 'done', checks: tests(files).map(toCheck), errors });
}

let started = false;
addEventListener('message', (event: MessageEvent<WorkerRunMessage>) => {
  const port = event.ports[0];
  if (started || event.data?.type !== 'run' || !port) return;
  started = true;
  const send = MessagePort.prototype.postMessage.bind(port);
  post = (message) => send(message);
  run(event.data).catch((error: unknown) => {
    const e = error instanceof Error ? error : new Error(String(error));
    post({ type: 'done', checks: [], errors: [toError(e)] });
  });
});
// Errors outside any check (a rejected promise nobody awaits, a timer callback throwing) do not
// change the verdict, as in the local grader: its worker has listeners of its own for them
// (grader/runtime/integrity.ts), and Vitest leaves errors that have another listener to that
// listener, so they are neither run errors nor failed checks there. A check that depends on the
// lost promise fails by its own assertions in both engines.
addEventListener('error', (event) => event.preventDefault());
addEventListener('unhandledrejection', (event) => event.preventDefault());
