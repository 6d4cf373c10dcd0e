// Starts an intern's service (`npm start` in their folder) as untrusted code and gives the host
// one address to test it at. Under bubblewrap, the service runs with:
// - no network: its own network namespace, reachable only through a Unix socket in a folder shared
//   with the host (relay.ts inside pipes it to 127.0.0.1:PORT there; here a TCP port pipes to it);
// - a read-only view of its own folder, the node_modules above it, /usr and the Node binary, and a
//   private /tmp: it cannot read the hidden suites, other projects, $HOME or change its own files;
// - an emptied environment (PORT, HOST, TMPDIR, HOME and what the milestone gives, nothing else);
// - its own PID namespace and a pids cgroup when one can be made: killing bwrap ends every process
//   it started, so nothing is left running.
// Without bubblewrap it runs as a plain process group with an emptied environment, and the report
// says `isolation: none`.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  lstatSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, connect, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Isolation } from '../../src/schemas/report.ts';
import { createPidsCgroup, inCgroup, removeCgroup, SOCKET_DIR } from '../sandbox/bubblewrap.ts';
import { detectIsolation, which } from '../sandbox/isolation.ts';
import { sandboxEnv } from '../sandbox/sandbox-env.ts';

export interface ServiceOptions {
  repo: string;
  /** The intern's project folder (has package.json with a start script). */
  dir: string;
  /** What the milestone gives the service besides PORT and HOST (DATABASE_URL, REDIS_URL…). */
  env?: Record<string, string>;
  /** 'auto': bubblewrap when this machine can; 'none': a plain process (no OS sandbox). */
  isolation?: 'auto' | 'none';
  /** How long the service may take to answer its first HTTP request. */
  startLimitMs?: number;
  /** Backing services the milestone provides (PostgreSQL, Redis), when it needs them. */
  backing?: Backing;
  /** Aborted: the start gives up at once, the sandbox is killed, and it rejects (ServiceStartError). */
  signal?: AbortSignal;
}

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

export interface RunningService {
  /** Where the host reaches the service: http://127.0.0.1:<port>. */
  url: string;
  isolation: Isolation;
  /** The last 8 kB of the service's output (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

/** The service's failure to start, with its output: the learner reads both. */
export class ServiceStartError extends Error {
  readonly isolation: Isolation;
  constructor(message: string, isolation: Isolation) {
    super(message);
    this.isolation = isolation;
  }
}

/** What a project report says ran, in one sentence per isolation. */
export function serviceIsolationDetail(isolation: Isolation): string {
  return isolation === 'bubblewrap'
    ? 'Your service ran in a bubblewrap sandbox (no network but a socket the checks reach it through, its own folder read-only, own processes, emptied environment); the hidden checks ran outside it.'
    : "Your service ran as a plain process with an emptied environment (no bubblewrap on this machine): it could reach this machine's files and network.";
}

const OUTPUT_KEEP = 8_000;
const INSIDE_PORT = 3000;
const MAX_PIDS = 512;
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

export function bwrapArgs(o: ServiceOptions, socketDir: string, env: Record<string, string>, node: string): string[] {
  writeFileSync(join(socketDir, 'hosts'), '127.0.0.1 localhost\n::1 localhost\n');
  const args = ['--unshare-user', '--unshare-pid', '--unshare-ipc', '--unshare-net', '--unshare-uts'];
  args.push('--unshare-cgroup-try', '--die-with-parent', '--new-session', '--hostname', 'project');
  args.push('--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp', '--ro-bind', '/usr', '/usr');
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
  args.push('--chdir', o.dir, '--clearenv');
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/** open(2)'s O_PATH on Linux (Node does not name it): a descriptor that names a file without opening it. */
const O_PATH = 0o10000000;

/**
 * A TCP port on the host's loopback whose connections go to the sandbox's Unix socket. Its folder
 * is writable from inside, so the service could swap the name for a link to any host socket: the
 * host opens the relay's socket once (a socket, not a link) and connects through that descriptor
 * ever after, whatever the name points at later.
 */
function tcpToUnix(path: string): Promise<{ server: Server; port: number }> {
  let fd: number | undefined;
  const target = () => {
    if (fd === undefined) {
      const opened = openSync(path, O_PATH | constants.O_NOFOLLOW);
      if (!fstatSync(opened).isSocket()) {
        closeSync(opened);
        throw new Error(`${path} is not a socket`);
      }
      fd = opened;
    }
    return `/proc/self/fd/${fd}`;
  };
  return new Promise((resolve, reject) => {
    const server = createServer((client) => {
      let inside: ReturnType<typeof connect>;
      try {
        inside = connect(target());
      } catch {
        return void client.destroy();
      }
      const end = () => {
        client.destroy();
        inside.destroy();
      };
      client.on('error', end).on('close', end);
      inside.on('error', end).on('close', end);
      client.pipe(inside);
      inside.pipe(client);
    });
    server.once('error', reject);
    server.once('close', () => fd !== undefined && closeSync(fd));
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

/** The PID namespace bwrap made (that of its child, the namespace's init), or undefined. */
function pidNamespaceOf(bwrapPid: number): string | undefined {
  try {
    const [init] = readFileSync(`/proc/${bwrapPid}/task/${bwrapPid}/children`, 'utf8').trim().split(/\s+/);
    return init ? readlinkSync(`/proc/${init}/ns/pid`) : undefined;
  } catch {
    return undefined;
  }
}

/** Processes still in that namespace (dying after their init was killed, or not yet). */
function inNamespace(namespace: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/ns/pid`) === namespace;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Waits until the namespace is empty, SIGKILLing what is still there after 2 s (all of it is the service's). */
async function emptied(namespace: string): Promise<void> {
  for (let waited = 0; waited < 5_000; waited += 50) {
    const left = inNamespace(namespace);
    if (left.length === 0) return;
    if (waited >= 2_000)
      for (const pid of left) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits `ms`, or less when `signal` is aborted. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Starts the service and resolves once it answers HTTP (any status); rejects with its output if it cannot. */
export async function startService(o: ServiceOptions): Promise<RunningService> {
  const bwrap =
    o.isolation === 'none' ? undefined : detectIsolation().isolation === 'bubblewrap' ? which('bwrap') : undefined;
  const isolation: Isolation = bwrap ? 'bubblewrap' : 'none';
  const node = nodeDir(o.repo);
  const socketDir = mkdtempSync(join(tmpdir(), `workbook-project-${process.pid}-`));
  const port = bwrap ? INSIDE_PORT : await freePort();
  const home = bwrap ? '/tmp' : socketDir;
  const env = sandboxEnv(
    { home, binDir: node },
    {
      NO_COLOR: '1',
      npm_config_update_notifier: 'false',
      npm_config_cache: join(home, '.npm'),
      ...o.env,
      ...o.backing?.env(Boolean(bwrap)),
      ...(bwrap ? relayEnv(o.backing) : {}),
      PORT: String(port),
      HOST: '127.0.0.1',
    },
  );
  let child: ChildProcess;
  let cgroup: string | undefined;
  let url: string;
  let relayServer: Server | undefined;
  if (bwrap) {
    cgroup = createPidsCgroup(`project-${process.pid}-${Date.now()}`, MAX_PIDS);
    const inner = [
      join(node, 'node'),
      join(import.meta.dirname, 'relay.ts'),
      `${SOCKET_DIR}/service.sock`,
      String(port),
      'npm',
      'start',
    ];
    const command = [bwrap, ...bwrapArgs(o, socketDir, env, join(node, 'node')), '--', ...inner];
    const full = inCgroup(cgroup, command);
    child = spawn(full[0] as string, full.slice(1), {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: env['PATH'] as string },
    });
    const relay = await tcpToUnix(join(socketDir, 'service.sock'));
    relayServer = relay.server;
    url = `http://127.0.0.1:${relay.port}`;
  } else {
    child = spawn('npm', ['start'], { cwd: o.dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
    url = `http://127.0.0.1:${port}`;
  }
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_KEEP);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: string | undefined;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      resolve();
    }),
  );
  child.once('error', (error) => {
    exited = `could not start (${error.message})`;
  });

  // The sandbox's PID namespace, learned once the service answers: stop() waits until it is empty.
  let namespace: string | undefined;
  const stop = async () => {
    if (!exited && child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      await exit;
    }
    if (namespace) await emptied(namespace);
    await new Promise<void>((resolve) => (relayServer ? relayServer.close(() => resolve()) : resolve()));
    removeCgroup(cgroup);
    rmSync(socketDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (o.startLimitMs ?? 150_000);
  const cancelled = o.signal ?? new AbortController().signal;
  while (Date.now() < deadline && !cancelled.aborted) {
    if (exited) break;
    try {
      await fetch(`${url}/`, { signal: AbortSignal.any([AbortSignal.timeout(2_000), cancelled]) }).then((r) =>
        r.body?.cancel(),
      );
      if (bwrap && child.pid) namespace = pidNamespaceOf(child.pid);
      if (cancelled.aborted) break;
      return { url, isolation, output: () => output, stop };
    } catch {
      await sleep(250, cancelled);
    }
  }
  if (cancelled.aborted) {
    // The namespace may not be known yet: learn it before the kill, so stop() waits until it is empty.
    if (bwrap && child.pid) namespace ??= pidNamespaceOf(child.pid);
    await stop();
    throw new ServiceStartError('The run was cancelled before your service answered.', isolation);
  }
  const why = exited
    ? `\`npm start\` ${exited} before answering any HTTP request`
    : `\`npm start\` did not answer HTTP on PORT within ${Math.round((o.startLimitMs ?? 150_000) / 1000)} s`;
  const tail = output.trim() ? `\nIts last output:\n${output.trim().split('\n').slice(-30).join('\n')}` : '';
  await stop();
  throw new ServiceStartError(`${why}. Your service must listen on the PORT (and HOST) it is given.${tail}`, isolation);
}
