// Starts a runner child under the strongest isolation available: inside its long-lived bubblewrap
// sandbox, or as a plain process with an emptied environment (the worker's permission model is
// then the only fence), or unisolated (benchmarks only: never the default).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Isolation } from '../../src/schemas/report.ts';
import { createPidsCgroup, sandboxCommand, SOCKET_DIR } from './bubblewrap.ts';
import { which } from './isolation.ts';
import { sandboxEnv } from './sandbox-env.ts';
import { SNAPSHOTS_INSIDE } from '../runtime/database-snapshot.ts';

export interface LaunchOptions {
  isolation: Isolation;
  repo: string;
  workspace: string;
  /** Host folder for this runner's sockets (mounted into the sandbox). */
  socketDir: string;
  node: string;
  args: string[];
  /** What the runner needs (limits, flags); nothing else of the grader's environment goes in. */
  env: Record<string, string>;
  /** Name of the runner's pids cgroup (when cgroups are writable). */
  name: string;
  /** The grader's database snapshots (read-only to the runner; see runtime/database-snapshot.ts). */
  snapshots?: string;
}

export interface Launched {
  child: ChildProcess;
  cgroup: string | undefined;
}

/** The Unix socket (host side) that the sandbox's Redis bridge connects to. */
export const redisSocket = (socketDir: string) => join(socketDir, 'redis.sock');
/** The same socket as the runner inside the sandbox sees it. */
export const REDIS_SOCKET_INSIDE = `${SOCKET_DIR}/redis.sock`;
/** Processes and threads one sandbox may hold (Vitest, its worker, PGlite, the type checker: ~60). */
const MAX_PIDS = 256;

export function launchRunner(o: LaunchOptions): Launched {
  const tmp = join(o.workspace, '.tmp');
  mkdirSync(tmp, { recursive: true });
  const stdio: ['ignore', 'pipe', 'pipe', 'ipc'] = ['ignore', 'pipe', 'pipe', 'ipc'];
  // detached: its own process group, so a kill reaches everything the runner started.
  if (o.isolation === 'none') {
    const child = spawn(o.node, o.args, {
      cwd: o.workspace,
      detached: true,
      stdio,
      env: { ...process.env, ...o.env, ...snapshotsEnv(o.snapshots), WORKBOOK_ISOLATION: 'none' },
    });
    return { child, cgroup: undefined };
  }
  // The environment is emptied: learner code must not see the grader's (tokens, paths, URLs).
  const env = sandboxEnv({ home: tmp }, { ...o.env, WORKBOOK_ISOLATION: o.isolation });
  const bwrap = o.isolation === 'bubblewrap' ? which('bwrap') : undefined;
  Object.assign(env, snapshotsEnv(bwrap && o.snapshots ? SNAPSHOTS_INSIDE : o.snapshots));
  if (!bwrap) {
    const child = spawn(o.node, o.args, { cwd: o.workspace, detached: true, stdio, env });
    return { child, cgroup: undefined };
  }
  env['WORKBOOK_REDIS_SOCKET'] = REDIS_SOCKET_INSIDE;
  const cgroup = createPidsCgroup(o.name, MAX_PIDS);
  const [program, ...args] = sandboxCommand(
    {
      bwrap,
      repo: o.repo,
      workspace: o.workspace,
      socketDir: o.socketDir,
      node: o.node,
      args: o.args,
      env,
      ...(o.snapshots ? { snapshots: o.snapshots } : {}),
    },
    cgroup,
  );
  const child = spawn(program as string, args, {
    cwd: o.workspace,
    detached: true,
    stdio,
    env: { PATH: env['PATH'] as string },
  });
  return { child, cgroup };
}

/** Tells the runner where the database snapshots are, as it sees them. */
function snapshotsEnv(dir: string | undefined): Record<string, string> {
  return dir ? { WORKBOOK_DB_SNAPSHOTS: dir } : {};
}
