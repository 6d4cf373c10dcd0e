// Which operating-system fence this machine can put around learner code, detected once per
// process: bubblewrap needs its binary AND working user namespaces (a container or a hardened
// kernel may forbid them), so a trial sandbox is started before any runner relies on it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Isolation } from '../../src/schemas/report.ts';

/**
 * What a grader asks for: the strongest fence available ('auto'), Node's permission model alone
 * (what macOS and Windows get; tests of that layer), or none (benchmarks measuring the cost only).
 */
export type IsolationMode = 'auto' | 'permissions' | 'none';

let detected: { isolation: Isolation; reason: string } | undefined;

/** Finds an executable on PATH (bubblewrap, prlimit); undefined when absent. */
export function which(name: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '/usr/bin:/bin').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  for (const dir of ['/usr/bin', '/bin', '/usr/local/bin']) if (existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

/**
 * 'bubblewrap' when a trial `bwrap … true` with every namespace the runner uses succeeds,
 * else 'permissions' (Node's permission model alone, which leaves the network open).
 */
export function detectIsolation(): { isolation: Isolation; reason: string } {
  if (detected) return detected;
  const bwrap = process.platform === 'linux' ? which('bwrap') : undefined;
  if (!bwrap) {
    detected = {
      isolation: 'permissions',
      reason:
        process.platform === 'linux'
          ? 'bubblewrap is not installed (apt-get install bubblewrap)'
          : `bubblewrap does not exist on ${process.platform}`,
    };
    return detected;
  }
  const trial = spawnSync(
    bwrap,
    [
      '--unshare-user',
      '--unshare-pid',
      '--unshare-ipc',
      '--unshare-net',
      '--die-with-parent',
      '--new-session',
      '--ro-bind',
      '/',
      '/',
      '--proc',
      '/proc',
      '--dev',
      '/dev',
      '--',
      'true',
    ],
    { encoding: 'utf8', timeout: 10_000 },
  );
  detected =
    trial.status === 0
      ? { isolation: 'bubblewrap', reason: 'bubblewrap with user, PID, IPC and network namespaces' }
      : {
          isolation: 'permissions',
          reason: `bubblewrap is installed but cannot start a sandbox (${(trial.stderr || trial.error?.message || `exit ${trial.status}`).trim()}); user namespaces may be disabled (sysctl kernel.unprivileged_userns_clone=1 or user.max_user_namespaces > 0)`,
        };
  return detected;
}

/** What to tell a mentor whose machine cannot re-grade untrusted code. */
export const HOW_TO_ISOLATE =
  "Re-grading other people's code needs an operating-system sandbox: on Linux install bubblewrap (`apt-get install bubblewrap`) and allow user namespaces (`sysctl -w kernel.unprivileged_userns_clone=1`, `user.max_user_namespaces` above 0); macOS and Windows cannot re-grade here, use a Linux machine or container.";
