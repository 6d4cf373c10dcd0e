// How the kept Vitest worker (the process that runs learner code) is started: Node's permission
// model and resource limits. This is the only fence where bubblewrap is unavailable, and a second
// one inside it. What it stops: reading anything but node_modules, the grader's runtime, the
// workspace's code and the run's settings file (never the hidden checks); writing anything but the run's private tmp; child processes, worker
// threads, native addons, WASI, the inspector. What it does NOT stop: the network (Node 24's
// permission model has no network scope), and tampering inside the process itself.
// Measured: pure, Nest, db (Prisma's wasm compiler) and Redis (BullMQ) exercises pass under it; the
// worker gets its transformed code from Vitest over IPC, so it never reads __checks__ itself.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Isolation } from '../../src/schemas/report.ts';

export interface WorkerLaunch {
  /** Program that starts the worker (prlimit, which then runs node), or undefined for node itself. */
  execPath?: string;
  /** Arguments before the worker's script: prlimit's, then node and its flags. */
  execArgv: string[];
}

export interface WorkerLaunchOptions {
  isolation: Isolation;
  repo: string;
  workspace: string;
  /** The run's private, writable tmp inside the workspace (TMPDIR). */
  tmp: string;
  /** Files the worker reads itself (the run's settings file). */
  readFiles: string[];
  heapMb: number;
  /**
   * write-tests runs: the learner's spec may not read the workspace's sources through the file
   * system (a spec that hashes or string-matches the code under test would tell the reference
   * from a mutant without testing behaviour). The worker gets its modules from Vitest over IPC,
   * so it never needs to read them itself.
   */
  sealed?: boolean;
  /** Writable data segment of the worker: a Buffer larger than this fails (default 1536 MB). */
  dataMb?: number;
  prlimit?: string | undefined;
  node: string;
}

/** Parts of the workspace the worker may read itself. */
const WORKSPACE_CODE = ['src', 'test', 'prisma', 'package.json', 'tsconfig.json'];
/** What a sealed worker (write-tests) may read of the workspace: no sources. */
const WORKSPACE_MANIFESTS = ['package.json', 'tsconfig.json'];

/** Node flags and limits for the worker under the given isolation ('none': the heap cap only). */
export function workerLaunch(o: WorkerLaunchOptions): WorkerLaunch {
  const node = [`--max-old-space-size=${o.heapMb}`];
  if (o.isolation === 'none') return { execArgv: node };
  // The workspace's code (the service and the learner's files, which checks may read as text) is
  // readable; the hidden checks (__checks__) and the runner's own files are not.
  const code = (o.sealed ? WORKSPACE_MANIFESTS : WORKSPACE_CODE)
    .map((path) => join(o.workspace, path))
    .filter((path) => existsSync(path));
  const reads = [join(o.repo, 'node_modules'), join(o.repo, 'grader', 'runtime'), o.tmp, ...code, ...o.readFiles];
  const serviceModules = join(o.repo, 'service', 'node_modules');
  if (existsSync(serviceModules)) reads.push(serviceModules);
  node.push('--permission', ...reads.map((path) => `--allow-fs-read=${path}`), `--allow-fs-write=${o.tmp}`);
  if (!o.prlimit) return { execArgv: node };
  // RLIMIT_DATA counts writable memory actually mapped, not the address space WebAssembly and V8
  // reserve (an RLIMIT_AS low enough to stop a 2 GiB Buffer breaks wasm reservations: Prisma's
  // query compiler). So a 2 GiB Buffer fails while the wasm compiler still loads.
  const limits = [
    `--data=${(o.dataMb ?? 1536) * 1024 * 1024}`,
    `--fsize=${64 * 1024 * 1024}`,
    '--nofile=1024',
    '--core=0',
  ];
  // RLIMIT_NPROC counts every process of the user: only meaningful in bubblewrap's own user namespace.
  if (o.isolation === 'bubblewrap') limits.push('--nproc=256');
  return { execPath: o.prlimit, execArgv: [...limits, '--', o.node, ...node] };
}
