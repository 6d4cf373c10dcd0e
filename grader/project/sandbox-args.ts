// What a sandbox of the capstone (the service in milestones 1–3, the intern's tests in milestone 4)
// is launched with: bubblewrap's arguments (no network, the project and the node_modules above it
// read-only, a private /tmp, own PIDs, an emptied environment) and the Node it runs on. Threat: the
// intern's code reading the hidden suites, other projects or $HOME, or changing its own files.
import { existsSync, lstatSync, readlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SOCKET_DIR } from '../sandbox/bubblewrap.ts';

/** What a milestone's backing services add to a start: env per fence, mounts, and the Redis socket the relay serves. */
export interface Backing {
  env(bubblewrap: boolean): Record<string, string>;
  /** Host paths mounted read-only at the same path inside (e.g. PostgreSQL's socket folder). */
  mounts: string[];
  /** Host Unix socket the relay pipes 127.0.0.1:6379 to, inside the sandbox. */
  redisSocket?: string;
  /** Host Unix socket (in the same folder as redisSocket) the relay pipes 127.0.0.1:5432 to. */
  postgresSocket?: string;
}

/** Where the host's Redis bridge socket folder appears inside the sandbox. */
const REDIS_DIR_INSIDE = '/run/workbook-redis';

/** The Node the service runs on: the workbook's (Node 24), first on PATH inside. */
export function nodeDir(repo: string): string {
  const local = join(repo, 'node_modules', 'node', 'bin');
  return existsSync(join(local, 'node')) ? local : dirname(process.execPath);
}

/** node_modules and package.json of every folder above `dir` (module resolution and npm walk up). */
function ancestorMounts(dir: string): string[] {
  const mounts: string[] = [];
  for (let at = dirname(dir); ; at = dirname(at)) {
    for (const name of ['node_modules', 'package.json']) if (existsSync(join(at, name))) mounts.push(join(at, name));
    if (dirname(at) === at) return mounts;
  }
}

/** What a sandbox sees: its project folder (read-only) and the milestone's backing services. */
export interface SandboxTarget {
  dir: string;
  backing?: Backing | undefined;
  /** One more writable host folder and where it appears inside (milestone 4's scratch). */
  scratch?: { host: string; inside: string } | undefined;
  /** The size of the sandbox's private /tmp (a tmpfs: RAM, also counted by the memory cgroup); default TMP_MEGABYTES. */
  tmpMegabytes?: number | undefined;
}

/** The sandbox's /tmp holds at most this much: writing past it fails with ENOSPC inside. */
export const TMP_MEGABYTES = 256;

/** bubblewrap's arguments up to the command; writes the sandbox's /etc/hosts into `socketDir`. */
export function bwrapArgs(o: SandboxTarget, socketDir: string, env: Record<string, string>, node: string): string[] {
  writeFileSync(join(socketDir, 'hosts'), '127.0.0.1 localhost\n::1 localhost\n');
  const args = ['--unshare-user', '--unshare-pid', '--unshare-ipc', '--unshare-net', '--unshare-uts'];
  args.push('--unshare-cgroup-try', '--die-with-parent', '--new-session', '--hostname', 'project');
  const tmpBytes = String((o.tmpMegabytes ?? TMP_MEGABYTES) * 1024 * 1024);
  args.push('--proc', '/proc', '--dev', '/dev', '--size', tmpBytes, '--tmpfs', '/tmp', '--ro-bind', '/usr', '/usr');
  for (const dir of ['/bin', '/sbin', '/lib', '/lib32', '/lib64']) {
    if (!existsSync(dir)) continue;
    if (lstatSync(dir).isSymbolicLink()) args.push('--symlink', readlinkSync(dir), dir);
    else args.push('--ro-bind', dir, dir);
  }
  args.push('--ro-bind', join(socketDir, 'hosts'), '/etc/hosts');
  for (const path of ancestorMounts(o.dir)) args.push('--ro-bind', path, path);
  if (!node.startsWith('/usr/')) args.push('--ro-bind', node, node);
  const relay = join(import.meta.dirname, 'relay.ts');
  args.push('--ro-bind', relay, relay, '--ro-bind', o.dir, o.dir, '--bind', socketDir, SOCKET_DIR);
  for (const path of o.backing?.mounts ?? []) if (existsSync(path)) args.push('--ro-bind', path, path);
  if (o.backing?.redisSocket) args.push('--ro-bind', dirname(o.backing.redisSocket), REDIS_DIR_INSIDE);
  if (o.scratch) args.push('--bind', o.scratch.host, o.scratch.inside);
  // Last of the mounts: the root bwrap built (a tmpfs in RAM, of no set size) is read-only, so
  // nothing but /tmp, the socket folder and the scratch can be written.
  args.push('--remount-ro', '/', '--chdir', o.dir, '--clearenv');
  for (const [key, value] of Object.entries(env)) args.push('--setenv', key, value);
  return args;
}

/** Inside the sandbox: where the relay finds the bridges' sockets it pipes 127.0.0.1:6379 and :5432 to. */
export function relayEnv(backing: Backing | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  if (backing?.redisSocket) env['WORKBOOK_RELAY_REDIS'] = `${REDIS_DIR_INSIDE}/${basename(backing.redisSocket)}`;
  if (backing?.postgresSocket)
    env['WORKBOOK_RELAY_POSTGRES'] = `${REDIS_DIR_INSIDE}/${basename(backing.postgresSocket)}`;
  return env;
}
