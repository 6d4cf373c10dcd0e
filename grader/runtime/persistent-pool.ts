// A Vitest pool whose worker process outlives a run. Vitest's own "forks" pool starts a process
// per run, so every run re-imports Nest, rxjs, Prisma's runtime… (hundreds of milliseconds).
// Here one fork is kept between runs: Vitest's `isolate` still resets every transformed module
// (learner code, checks, service code) before each file, while the native imports of
// node_modules stay loaded. Vitest's start/stop handshake is answered locally after the first run.
import { type ChildProcess, fork } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { WitnessSummary } from '../protocol.ts';
import type { PoolOptions, PoolRunnerInitializer, PoolWorker } from 'vitest/node';

type Listener = (...args: unknown[]) => void;

interface Shared {
  process: ChildProcess;
  started: boolean;
  /** This worker's witness key (runtime/integrity.ts): only the worker's preload and this process know it. */
  key: Buffer;
  /** Started with the sealed launch (no workspace sources readable). */
  sealed: boolean;
  /** Which kept worker this is (1, 2, …). */
  id: number;
}

let shared: Shared | undefined;
/** Kept workers started so far: names the current one (see keptWorkerId). */
let generation = 0;
/** Snapshot requests already answered (every message listener sees the same request object). */
const answered = new WeakSet<object>();

export interface PersistentPoolOptions {
  /** Program to start instead of node (prlimit, which then runs node: see sandbox/worker-flags.ts). */
  execPath?: string | undefined;
  execArgv: string[];
  /** The launch for sealed runs (write-tests: the workspace's sources unreadable); default: the same. */
  sealed?: { execPath?: string | undefined; execArgv: string[] };
}

let wantSealed = false;
/**
 * Chooses the launch for the next run. A kept worker started with the other one is ended: the
 * permission model's read list is fixed when a process starts, so switching costs a cold worker.
 */
export function useSealedWorker(sealed: boolean): void {
  wantSealed = sealed;
  if (shared && shared.sealed !== sealed) recycleWorker();
}

/** Whether a kept worker of the given launch is alive and has run before (its packages loaded). */
export function keptWorkerReady(sealed: boolean): boolean {
  const current = shared;
  return (
    current?.started === true &&
    current.sealed === sealed &&
    current.process.exitCode === null &&
    current.process.signalCode === null
  );
}

/** The current kept worker's number while it is alive; undefined when the next run starts a new one. */
export function keptWorkerId(): number | undefined {
  const current = shared;
  return current && current.process.exitCode === null && current.process.signalCode === null ? current.id : undefined;
}

/** The pool to pass as Vitest's `pool` option. */
export function persistentForks(options: PersistentPoolOptions): PoolRunnerInitializer {
  return { name: 'workbook-forks', createPoolWorker: (pool) => new PersistentWorker(pool, options) };
}

const INTEGRITY = join(import.meta.dirname, 'integrity.ts');
const mac = (key: Buffer, text: string) => createHmac('sha256', key).update(Buffer.from(text, 'utf16le')).digest('hex');

/**
 * Asks the kept worker for the witness summary of the run that just ended (and resets it there).
 * undefined when no authentic answer came: the worker is gone, or its messages were blocked or forged.
 */
export function witnessSummary(timeoutMs = 2000): Promise<WitnessSummary | undefined> {
  const current = shared;
  if (!current || current.process.exitCode !== null || current.process.signalCode !== null)
    return Promise.resolve(undefined);
  const nonce = randomBytes(16).toString('hex');
  return new Promise((resolve) => {
    const done = (summary: WitnessSummary | undefined) => {
      clearTimeout(timer);
      current.process.off('message', onMessage);
      resolve(summary);
    };
    const onMessage = (message: unknown) => {
      const m = message as { __workbook_witness__?: unknown; mac?: unknown } | null;
      if (typeof m?.__workbook_witness__ !== 'string') return;
      const payload = m.__workbook_witness__;
      if (m.mac !== mac(current.key, payload) || !payload.startsWith(`${JSON.stringify(nonce)}\n`)) return; // forged or stale: keep waiting
      const summary = parseSummary(payload);
      summary.leftover = leftover(OWN_RESOURCES, summary.resources);
      done(summary);
    };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    current.process.on('message', onMessage);
    current.process.send({ __workbook_query__: nonce, mac: mac(current.key, `query:${nonce}`) });
  });
}

function parseSummary(payload: string): WitnessSummary {
  const summary: WitnessSummary = { claims: 0, reports: [], attempts: [], resources: [], leftover: [] };
  for (const line of payload.split('\n').slice(1)) {
    const [kind, ...rest] = line.split(' ');
    const value = rest.join(' ');
    if (kind === 'claims') summary.claims = Number(value);
    else if (kind === 'pass' || kind === 'fail')
      summary.reports.push({ name: JSON.parse(value) as string, passed: kind === 'pass' });
    else if (kind === 'attempt') summary.attempts.push(JSON.parse(value) as string);
    else if (kind === 'resource') summary.resources.push(JSON.parse(value) as string);
  }
  return summary;
}

/** An idle worker holds its IPC channel, stdout and stderr; anything else was left by a run. */
const OWN_RESOURCES = ['PipeWrap', 'PipeWrap', 'PipeWrap'];

/** Resources beyond the worker's own (timers, sockets, child processes a run left running). */
function leftover(baseline: string[], now: string[]): string[] {
  const rest = [...baseline];
  return now.filter((r) => {
    const at = rest.indexOf(r);
    if (at < 0) return true;
    rest.splice(at, 1);
    return false;
  });
}

/** Ends the kept worker (after a crash, a timeout or too many runs); the next run starts a fresh one. */
export function recycleWorker(): void {
  const current = shared;
  shared = undefined;
  current?.process.kill('SIGKILL');
}

class PersistentWorker implements PoolWorker {
  readonly name = 'workbook-forks';
  readonly cacheFs = true;
  private readonly pool: PoolOptions;
  private readonly options: PersistentPoolOptions;
  private readonly listeners: [event: string, listener: Listener, original: Listener][] = [];
  private messageListeners: Listener[] = [];

  constructor(pool: PoolOptions, options: PersistentPoolOptions) {
    this.pool = pool;
    this.options = options;
  }

  private get child(): Shared {
    if (!shared || shared.process.exitCode !== null || shared.process.signalCode !== null) {
      const sealed = wantSealed;
      const launch = sealed && this.options.sealed ? this.options.sealed : this.options;
      const child = fork(join(this.pool.distPath, 'workers/forks.js'), [], {
        env: { ...process.env, ...this.pool.env } as NodeJS.ProcessEnv,
        // The launcher's arguments come first (prlimit's end with node itself), Vitest's after.
        ...(launch.execPath ? { execPath: launch.execPath } : {}),
        execArgv: [...launch.execArgv, ...this.pool.execArgv, '--import', INTEGRITY],
        // No stdin: code that merely touches process.stdin (a database client does) would open a
        // pipe on it, which the witness counts as left running, and the kept worker would be
        // replaced after every such run. /dev/null opens no handle.
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        serialization: 'advanced',
      });
      child.stdout?.pipe(process.stdout, { end: false });
      child.stderr?.pipe(process.stderr, { end: false });
      child.on('error', () => undefined);
      // The key goes first, before Vitest's own start message and long before any learner code.
      const key = randomBytes(32);
      child.send({ __workbook_key__: key.toString('hex') });
      shared = { process: child, started: false, key, sealed, id: ++generation };
    }
    return shared;
  }

  on(event: string, callback: Listener): void {
    const listener = event === 'message' ? this.withoutWarmSnapshot(callback) : callback;
    if (event === 'message') this.messageListeners.push(callback);
    this.child.process.on(event, listener);
    this.listeners.push([event, listener, callback]);
  }

  off(event: string, callback: Listener): void {
    if (event === 'message') this.messageListeners = this.messageListeners.filter((l) => l !== callback);
    for (const [e, listener, original] of this.listeners) {
      if (e === event && original === callback) this.child.process.off(event, listener);
    }
  }

  /**
   * Vitest's module runner asks the server once for a snapshot of every transformed module and
   * keeps it "for the runner's lifetime, because a worker doesn't outlive a run". This one does,
   * so a snapshot from an earlier run would serve old code for files changed since (a mutant, the
   * learner's new version). The request is answered with "no snapshot": every module is fetched.
   */
  private withoutWarmSnapshot(callback: Listener): Listener {
    return (message: unknown, ...rest: unknown[]) => {
      const request = message as { t?: string; m?: string; i?: string } | null;
      if (request?.t === 'q' && request.m === 'fetchWarmModules') {
        if (!answered.has(request)) {
          answered.add(request);
          shared?.process.send({ t: 's', i: request.i, r: null });
        }
        return;
      }
      callback(message, ...rest);
    };
  }

  send(message: Parameters<PoolWorker['send']>[0]): void {
    const current = this.child;
    if (message.type === 'start' && current.started) {
      this.reply('started');
      return;
    }
    if (message.type === 'stop') {
      this.reply('stopped');
      return;
    }
    if (message.type === 'start') current.started = true;
    current.process.send(message);
  }

  async start(): Promise<void> {
    void this.child;
  }

  /** Detaches this run's listeners; the process itself is kept for the next run. */
  async stop(): Promise<void> {
    const process = shared?.process;
    for (const [event, listener] of this.listeners.splice(0)) process?.off(event, listener);
    this.messageListeners = [];
  }

  deserialize(data: unknown): unknown {
    return data;
  }

  private reply(type: 'started' | 'stopped'): void {
    const listeners = [...this.messageListeners];
    queueMicrotask(() => {
      for (const listener of listeners) listener({ type, __vitest_worker_response__: true });
    });
  }
}
