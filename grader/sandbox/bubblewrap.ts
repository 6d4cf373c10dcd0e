// The long-lived sandbox one runner lives in (Vitest, its kept worker, PGlite, the type checker).
// One per runner, not per run, so warm runs stay warm. What it stops, by threat:
// - reading hidden checks, solutions, other exercises, $HOME, /etc: only the system's /usr, the
//   repository's node_modules, package.json and grader/ (fixtures hidden) are mounted, read-only;
// - writing anything but the run's workspace: everything else is read-only or absent;
// - the network: a new network namespace has only its own loopback (Redis is bridged in over a
//   Unix socket, see redis-bridge.ts; PGlite is served on that private loopback);
// - signalling the grader or other processes: a new PID namespace holds only the runner's processes,
//   and `--die-with-parent` + the namespace take every one of them down with the runner;
// - reading the environment: `--clearenv`, then only what the runner needs;
// - fork loops: a pids cgroup when one can be created (rlimits for memory, files, file size are
//   set on the worker that runs learner code, see worker-flags.ts).
import {
  accessSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  rmdirSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { SNAPSHOTS_INSIDE } from '../runtime/database-snapshot.ts';

export interface SandboxSpec {
  bwrap: string;
  /** Repository root (node_modules, package.json, grader/ are mounted from it). */
  repo: string;
  workspace: string;
  /** Host folder mounted writable at SOCKET_DIR inside (the Redis bridge's socket, /etc/hosts). */
  socketDir: string;
  node: string;
  /** The command run inside (node's arguments). */
  args: string[];
  env: Record<string, string>;
  /** Max processes and threads of the whole sandbox (pids cgroup), when a cgroup can be made. */
  maxPids?: number;
  /** Host folder of the grader's database snapshots, mounted read-only at SNAPSHOTS_INSIDE. */
  snapshots?: string;
}

/** Where the host's Unix sockets appear inside the sandbox. */
export const SOCKET_DIR = '/run/workbook';

/** The full command line: [program, ...args]; the IPC channel is fd 3, as Node's spawn makes it. */
export function sandboxCommand(spec: SandboxSpec, cgroup: string | undefined): string[] {
  writeFileSync(join(spec.socketDir, 'hosts'), '127.0.0.1 localhost\n::1 localhost\n');
  const args = [
    '--unshare-user',
    '--unshare-pid',
    '--unshare-ipc',
    '--unshare-net',
    '--unshare-uts',
    '--unshare-cgroup-try',
    '--die-with-parent',
    '--new-session',
    '--hostname',
    'workbook',
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--tmpfs',
    '/tmp',
    '--ro-bind',
    '/usr',
    '/usr',
  ];
  // Merged-/usr systems link /bin, /lib… into /usr; others get them mounted read-only.
  for (const dir of ['/bin', '/sbin', '/lib', '/lib32', '/lib64']) {
    if (!existsSync(dir)) continue;
    if (lstatSync(dir).isSymbolicLink()) args.push('--symlink', readlinkSync(dir), dir);
    else args.push('--ro-bind', dir, dir);
  }
  args.push('--ro-bind', join(spec.socketDir, 'hosts'), '/etc/hosts');
  if (!spec.node.startsWith('/usr/') && !spec.node.startsWith(join(spec.repo, 'node_modules')))
    args.push('--ro-bind', spec.node, spec.node);
  for (const path of ['node_modules', 'package.json', 'service/node_modules']) {
    if (existsSync(join(spec.repo, path))) args.push('--ro-bind', join(spec.repo, path), join(spec.repo, path));
  }
  // The grader's runtime, without its fixtures (alternative and wrong answers to exercises).
  args.push('--ro-bind', join(spec.repo, 'grader'), join(spec.repo, 'grader'));
  if (existsSync(join(spec.repo, 'grader', 'fixtures'))) args.push('--tmpfs', join(spec.repo, 'grader', 'fixtures'));
  if (spec.snapshots && existsSync(spec.snapshots)) args.push('--ro-bind', spec.snapshots, SNAPSHOTS_INSIDE);
  args.push('--bind', spec.workspace, spec.workspace, '--bind', spec.socketDir, SOCKET_DIR, '--chdir', spec.workspace);
  args.push('--clearenv');
  // Node's IPC channel to the grader is the inherited fd 3 (stdio[3] = 'ipc').
  const env = { ...spec.env, NODE_CHANNEL_FD: '3', NODE_CHANNEL_SERIALIZATION_MODE: 'json' };
  for (const [key, value] of Object.entries(env)) args.push('--setenv', key, value);
  return inCgroup(cgroup, [spec.bwrap, ...args, '--', spec.node, ...spec.args]);
}

/** The command line that joins every cgroup given (if any) before exec: bwrap and everything under it are in them, with no race. */
export function inCgroup(cgroups: string | undefined | (string | undefined)[], command: string[]): string[] {
  const dirs = [cgroups].flat().filter((dir): dir is string => dir !== undefined);
  if (dirs.length === 0) return command;
  const script = 'while [ "$1" != -- ]; do echo $$ > "$1/cgroup.procs" || exit 125; shift; done; shift; exec "$@"';
  return ['/bin/sh', '-c', script, 'workbook-cgroups', ...dirs, '--', ...command];
}

const PIDS_ROOT = '/sys/fs/cgroup/pids';
const MEMORY_ROOT = '/sys/fs/cgroup/memory';

/** A pids cgroup (cgroup v1, writable) capping the sandbox's processes and threads; undefined when none can be made. */
export function createPidsCgroup(name: string, maxPids: number): string | undefined {
  const dir = join(PIDS_ROOT, 'workbook', name);
  try {
    if (!existsSync(PIDS_ROOT)) return undefined;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'pids.max'), String(maxPids));
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * A memory cgroup (cgroup v1, writable) capping the sandbox's memory, its tmpfs files included, at
 * `maxMegabytes`, swap included when the kernel accounts it (memory.memsw), so nothing of it goes
 * to swap either; past it the kernel's OOM killer ends the biggest process inside, never one
 * outside. Undefined when none can be made (no v1 memory hierarchy, or not writable: cgroup v2
 * machines get no memory limit, as they get no pids limit).
 */
export function createMemoryCgroup(name: string, maxMegabytes: number): string | undefined {
  const dir = join(MEMORY_ROOT, 'workbook', name);
  const bytes = String(maxMegabytes * 1024 * 1024);
  try {
    if (!existsSync(MEMORY_ROOT)) return undefined;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'memory.limit_in_bytes'), bytes);
  } catch {
    removeCgroup(dir);
    return undefined;
  }
  const noSwap: [string, string][] = [
    ['memory.memsw.limit_in_bytes', bytes],
    ['memory.swappiness', '0'],
  ];
  for (const [file, value] of noSwap) {
    try {
      writeFileSync(join(dir, file), value);
    } catch {
      // no swap accounting on this kernel: the limit counts memory only
    }
  }
  return dir;
}

/** The sentence a report adds on the sandbox's memory: its limit, or why there is none. */
export function memoryLimitSentence(megabytes: number): string {
  try {
    accessSync(MEMORY_ROOT, constants.W_OK);
    return ` The sandbox's memory (its /tmp included) was limited to ${megabytes} MB.`;
  } catch {
    return " The sandbox's memory was not limited (this machine has no writable cgroup v1 memory hierarchy, /sys/fs/cgroup/memory).";
  }
}

/** How many processes the memory cgroup's limit has killed (0 when none, or no such cgroup). */
export function memoryKills(dir: string | undefined): number {
  if (!dir) return 0;
  try {
    const kills = /^oom_kill (\d+)$/m.exec(readFileSync(join(dir, 'memory.oom_control'), 'utf8'));
    return Number(kills?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The most memory the cgroup's processes held at once, in MB (for measuring; undefined without one). */
export function memoryPeakMegabytes(dir: string | undefined): number | undefined {
  if (!dir) return undefined;
  try {
    return Math.round(Number(readFileSync(join(dir, 'memory.max_usage_in_bytes'), 'utf8')) / 1024 / 1024);
  } catch {
    return undefined;
  }
}

/** Removes a cgroup once its processes are gone (best effort: the kernel refuses while any remain). */
export function removeCgroup(dir: string | undefined): void {
  if (!dir) return;
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      rmdirSync(dir);
      return;
    } catch {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
    }
  }
}
