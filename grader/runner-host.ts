// Parent side of a warm runner: starts grader/runner-child.ts for one workspace, sends it runs,
// and enforces the time limit. A run over its limit gets the child's whole process group
// SIGKILLed (Vitest's worker included) and a fresh child is spawned at once, so the next run
// does not pay the whole start-up.
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Isolation } from '../src/schemas/report.ts';
import {
  parseChildMessage,
  type RawError,
  type RawModule,
  type RawTest,
  type RunRequest,
  type RunTimings,
  type TypeDiagnostic,
  type WitnessSummary,
} from './protocol.ts';
import { removeCgroup } from './sandbox/bubblewrap.ts';
import { detectIsolation, type IsolationMode } from './sandbox/isolation.ts';
import { launchRunner, redisSocket } from './sandbox/launch.ts';
import { type Bridge, bridgeUnixToTcp, type RedisLogin } from './sandbox/redis-bridge.ts';

export type RunOutcome =
  | {
      kind: 'done';
      modules: RawModule[];
      unhandled: RawError[];
      typeErrors: TypeDiagnostic[];
      timings: RunTimings;
      witness?: WitnessSummary | null | undefined;
      /** The run started cold and its clock allowed COLD_START_EXTRA_MS more. */
      cold: boolean;
    }
  | { kind: 'timeout'; running: { file: string; name: string } | undefined }
  | { kind: 'crashed'; message: string; stderr: string }
  | { kind: 'aborted' };

export interface RunOptions {
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  onCase?: ((test: RawTest) => void) | undefined;
}

export interface RunnerHostOptions {
  /** Heap cap of the runner child (Vitest itself). */
  memoryMb?: number;
  /** Heap cap of the Vitest worker that runs learner code. */
  workerMemoryMb?: number;
  /** Start PGlite as soon as the runner is up, instead of on the first db exercise. */
  warmDatabase?: boolean;
  /** Every new kept worker loads the service's packages before its first run (runtime/warm-up.ts). */
  warmWorker?: boolean;
  /** false: runs are type-checked outside (fresh runners share one checker), so none is built at start. */
  typecheck?: boolean;
  /** 'auto' (default): bubblewrap when it works, else Node's permission model; 'none' only to measure its cost. */
  isolation?: IsolationMode;
  /** The Redis the sandbox's bridge leads to (default redis://127.0.0.1:6379). */
  redisUrl?: string;
  /** Folder of migrated-database snapshots the runner may load (runtime/database-snapshot.ts). */
  databaseSnapshots?: string;
}

const STDERR_KEEP = 16_000;
const PREPARE_LIMIT_MS = 60_000;
/**
 * Added to the exercise's limit when a run starts cold (a new kept worker, or the process's first
 * transforms): seconds on a loaded machine that are not the learner's. Without it, a run killed at
 * its limit restarts the runner, whose next run is cold again: every later grade timed out.
 */
const COLD_START_EXTRA_MS = 10_000;
const childScript = join(import.meta.dirname, 'runner-child.ts');

/** The Node to run children with: this one if it is new enough, else the repo's node@24. */
function nodeBinary(): string {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) return process.execPath;
  const local = join(import.meta.dirname, '..', 'node_modules', 'node', 'bin', 'node');
  return existsSync(local) ? local : process.execPath;
}

const SOCKET_DIR_PREFIX = 'workbook-sockets-';

/** Socket folders (in the system tmp) of grader processes that no longer run are deleted. */
export function removeAbandonedSocketDirs(isAlive: (pid: number) => boolean): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(SOCKET_DIR_PREFIX)) continue;
    const pid = Number(name.slice(SOCKET_DIR_PREFIX.length).split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid))
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

function passThrough(names: string[]): Record<string, string> {
  return Object.fromEntries(
    names.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name] as string]])),
  );
}

export class RunnerHost {
  readonly workspace: string;
  private readonly options: RunnerHostOptions;
  private child: ChildProcess | undefined;
  private ready: Promise<number> | undefined;
  private stderr = '';
  private nextRunId = 1;
  private closed = false;
  /** What fences learner code in on this runner (reported with every grade). */
  readonly isolation: Isolation;
  /** Host folder of this runner's sockets, mounted into its sandbox. */
  private readonly socketDir: string;
  private bridge: Promise<Bridge> | undefined;
  private cgroup: string | undefined;
  /** The ACL user the sandbox's Redis bridge logs in as during the current run (none: no Redis). */
  redisLogin: RedisLogin | undefined;
  /** Time the most recent child took to become ready (ms). */
  startupMs = 0;

  constructor(workspace: string, options: RunnerHostOptions = {}) {
    this.workspace = workspace;
    this.options = options;
    const mode = options.isolation ?? 'auto';
    this.isolation = mode === 'auto' ? detectIsolation().isolation : mode;
    // Named after this process, so a grader that starts later removes it if this one died.
    this.socketDir = mkdtempSync(join(tmpdir(), `${SOCKET_DIR_PREFIX}${process.pid}-`));
  }

  /** The Redis URL learner code connects to: inside the sandbox, the bridge on its own loopback. */
  redisUrlForRun(url: string): string {
    return this.isolation === 'bubblewrap' ? 'redis://127.0.0.1:6379' : url;
  }

  /** Starts the child if none is running; resolves when Vitest is warm. */
  start(): Promise<number> {
    if (this.ready) return this.ready;
    if (this.isolation === 'bubblewrap' && !this.bridge) {
      this.bridge = this.startBridge();
      this.bridge.catch(() => undefined); // a failure shows as Redis errors in the run
    }
    const { child, cgroup } = launchRunner({
      isolation: this.isolation,
      repo: join(import.meta.dirname, '..'),
      workspace: this.workspace,
      socketDir: this.socketDir,
      node: nodeBinary(),
      args: [
        `--max-old-space-size=${this.options.memoryMb ?? 1024}`,
        '--disable-warning=ExperimentalWarning',
        childScript,
        this.workspace,
      ],
      env: {
        WORKBOOK_WORKER_MEMORY_MB: String(this.options.workerMemoryMb ?? 512),
        WORKBOOK_WARM_DB: this.options.warmDatabase ? '1' : '0',
        WORKBOOK_WARM_WORKER: this.options.warmWorker ? '1' : '0',
        WORKBOOK_TYPECHECK: this.options.typecheck === false ? '0' : '1',
        ...passThrough(['WORKBOOK_RUNS_PER_WORKER', 'WORKBOOK_OUTPUT_LIMIT', 'WORKBOOK_DEBUG']),
      },
      name: `${process.pid}-${basename(this.workspace)}`,
      ...(this.options.databaseSnapshots ? { snapshots: this.options.databaseSnapshots } : {}),
    });
    this.cgroup = cgroup;
    this.child = child;
    this.stderr = '';
    child.stdout?.resume();
    child.stderr?.setEncoding('utf8').on('data', (text: string) => {
      if (process.env['WORKBOOK_DEBUG']) process.stderr.write(text);
      this.stderr = (this.stderr + text).slice(-STDERR_KEEP);
    });
    this.ready = new Promise<number>((resolve, reject) => {
      const onMessage = (raw: unknown) => {
        const parsed = parseChildMessage(raw);
        if (parsed.ok && parsed.message.type !== 'ready') return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (!parsed.ok) {
          if (this.child === child) this.kill();
          reject(new Error(parsed.error));
        } else if (parsed.message.type === 'ready') {
          this.startupMs = parsed.message.startupMs;
          resolve(parsed.message.startupMs);
        }
      };
      const onExit = (code: number | null) => {
        child.off('message', onMessage);
        reject(
          new Error(`the grading process exited while starting (code ${code}): ${this.stderr.trim().slice(-2000)}`),
        );
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
    this.ready.catch(() => {
      if (this.child === child) this.reset();
    });
    child.once('exit', () => {
      if (this.child === child) this.reset();
      if (this.cgroup === cgroup) removeCgroup(cgroup);
    });
    return this.ready;
  }

  async run(request: Omit<RunRequest, 'type' | 'runId'>, options: RunOptions): Promise<RunOutcome> {
    if (this.closed) throw new Error('this grader is closed; create a new one');
    await this.start();
    const child = this.child;
    if (!child) return { kind: 'crashed', message: 'the grading process is not running', stderr: this.stderr };
    const runId = this.nextRunId++;
    const stderrBefore = this.stderr.length;
    let running: { file: string; name: string } | undefined;
    let cold = false;
    return new Promise<RunOutcome>((resolve) => {
      const finish = (outcome: RunOutcome) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        options.signal?.removeEventListener('abort', onAbort);
        resolve(outcome);
      };
      const onMessage = (raw: unknown) => {
        // The child runs learner code: a message that is not the protocol ends the run as an error.
        const parsed = parseChildMessage(raw);
        if (!parsed.ok) {
          this.restart();
          finish({ kind: 'crashed', message: parsed.error, stderr: this.stderr.slice(stderrBefore) });
          return;
        }
        const message = parsed.message;
        if (!('runId' in message) || message.runId !== runId) return;
        if (message.type === 'running') {
          cold = message.cold;
          startClock(cold ? COLD_START_EXTRA_MS : 0);
        } else if (message.type === 'tested') stopClock();
        else if (message.type === 'case-start') running = { file: message.file, name: message.name };
        else if (message.type === 'case') options.onCase?.(message.test);
        else if (message.type === 'done')
          finish({
            kind: 'done',
            modules: message.modules,
            unhandled: message.unhandled,
            typeErrors: message.typeErrors,
            timings: message.timings,
            witness: message.witness,
            cold,
          });
        else if (message.type === 'failed')
          finish({ kind: 'crashed', message: message.message, stderr: this.stderr.slice(stderrBefore) });
      };
      const onExit = (code: number | null, signal: string | null) => {
        finish({
          kind: 'crashed',
          message: `the grading process exited (${signal ?? `code ${code}`})`,
          stderr: this.stderr.slice(stderrBefore),
        });
      };
      const onAbort = () => {
        this.restart();
        finish({ kind: 'aborted' });
      };
      // Preparing (starting the database on first use) is the grader's time, guarded separately;
      // the learner's clock starts when the child reports 'running'.
      let timer: NodeJS.Timeout | undefined;
      const guard = (what: string) =>
        setTimeout(() => {
          this.restart();
          finish({
            kind: 'crashed',
            message: `${what} took longer than ${PREPARE_LIMIT_MS / 1000} s`,
            stderr: this.stderr.slice(stderrBefore),
          });
        }, PREPARE_LIMIT_MS);
      // After the checks, only the type check may still run: the grader's time again.
      const stopClock = () => {
        clearTimeout(timer);
        timer = guard('type-checking your code');
      };
      const startClock = (extraMs: number) => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          this.restart();
          finish({ kind: 'timeout', running });
        }, options.timeoutMs + extraMs);
      };
      timer = guard('preparing the run');
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ type: 'run', runId, ...request });
    });
  }

  /** Output the child wrote to stderr lately (Vitest worker crashes, out-of-memory reports). */
  recentStderr(): string {
    return this.stderr;
  }

  /** Kills the child and everything it started, then warms a replacement straight away. */
  restart(): void {
    this.kill();
    if (!this.closed) this.start().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    const child = this.child;
    if (child) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      if (child.connected) child.send({ type: 'close' });
      const timer = setTimeout(() => this.kill(), 2000);
      await exited;
      clearTimeout(timer);
    }
    await (await this.bridge?.catch(() => undefined))?.close();
    rmSync(this.socketDir, { recursive: true, force: true });
  }

  /** Host end of the sandbox's Redis bridge: a Unix socket piped to the real Redis. */
  private startBridge(): Promise<Bridge> {
    const { hostname, port } = new URL(this.options.redisUrl ?? 'redis://127.0.0.1:6379');
    return bridgeUnixToTcp(
      redisSocket(this.socketDir),
      { host: hostname || '127.0.0.1', port: Number(port || 6379) },
      () => this.redisLogin,
    );
  }

  private kill(): void {
    const child = this.child;
    this.reset();
    if (child?.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }

  private reset(): void {
    this.child = undefined;
    this.ready = undefined;
  }
}
