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
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Isolation } from '../../src/schemas/report.ts';
import {
  createMemoryCgroup,
  createPidsCgroup,
  inCgroup,
  memoryKills,
  memoryLimitSentence,
  memoryPeakMegabytes,
  removeCgroup,
  SOCKET_DIR,
} from '../sandbox/bubblewrap.ts';
import { detectIsolation, which } from '../sandbox/isolation.ts';
import { sandboxEnv } from '../sandbox/sandbox-env.ts';
import { type Backing, bwrapArgs, nodeDir, relayEnv } from './sandbox-args.ts';
import { emptied, pidNamespaceOf } from './sandbox-pids.ts';
import { freePort, tcpToUnix } from './service-address.ts';

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
  /** The memory limit of the whole sandbox (its /tmp included), when a memory cgroup can be made; default MEMORY_MEGABYTES. */
  memoryMegabytes?: number;
  /** The size of the sandbox's /tmp; default TMP_MEGABYTES (sandbox-args.ts). */
  tmpMegabytes?: number;
  /** Aborted: the start gives up at once, the sandbox is killed, and it rejects (ServiceStartError). */
  signal?: AbortSignal;
}

export interface RunningService {
  /** Where the host reaches the service: http://127.0.0.1:<port>. */
  url: string;
  isolation: Isolation;
  /** The last 8 kB of the service's output (stdout and stderr). */
  output(): string;
  /** Set once the memory limit has killed a process of the service: says so, naming the limit. */
  outOfMemory(): string | undefined;
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
    ? `Your service ran in a bubblewrap sandbox (no network but a socket the checks reach it through, its own folder read-only, own processes, emptied environment); the hidden checks ran outside it.${memoryLimitSentence(MEMORY_MEGABYTES)}`
    : "Your service ran as a plain process with an emptied environment (no bubblewrap on this machine): it could reach this machine's files and network.";
}

const OUTPUT_KEEP = 8_000;
const INSIDE_PORT = 3000;
const MAX_PIDS = 512;
/**
 * The service's memory limit: the reference's M2 service peaked at 281 MB under the M2 suite
 * (memory.max_usage_in_bytes, so npm, the relay and page cache included; WORKBOOK_DEBUG=1 prints
 * it); this is about 3.6× that.
 */
export const MEMORY_MEGABYTES = 1024;

/** What the report says when the memory limit killed a process of the service. */
export function outOfMemoryMessage(megabytes: number): string {
  return `Your service ran out of its ${megabytes} MB memory limit: the sandbox's kernel limit killed it. Look for memory it keeps without end (a growing cache or list, files written to /tmp, which count too).`;
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
  let memoryCgroup: string | undefined;
  const memoryMegabytes = o.memoryMegabytes ?? MEMORY_MEGABYTES;
  let url: string;
  let relayServer: Server | undefined;
  if (bwrap) {
    const name = `project-${process.pid}-${Date.now()}`;
    cgroup = createPidsCgroup(name, MAX_PIDS);
    memoryCgroup = createMemoryCgroup(name, memoryMegabytes);
    const inner = [
      join(node, 'node'),
      join(import.meta.dirname, 'relay.ts'),
      `${SOCKET_DIR}/service.sock`,
      String(port),
      'npm',
      'start',
    ];
    const target = { dir: o.dir, backing: o.backing, tmpMegabytes: o.tmpMegabytes };
    const command = [bwrap, ...bwrapArgs(target, socketDir, env, join(node, 'node')), '--', ...inner];
    const full = inCgroup([cgroup, memoryCgroup], command);
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

  // Read while the cgroup exists; kept once stop() removed it.
  let killedForMemory = false;
  const outOfMemory = () => {
    killedForMemory ||= memoryKills(memoryCgroup) > 0;
    return killedForMemory ? outOfMemoryMessage(memoryMegabytes) : undefined;
  };
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
    outOfMemory();
    if (process.env['WORKBOOK_DEBUG'] && memoryCgroup)
      process.stderr.write(`[service] memory peak ${memoryPeakMegabytes(memoryCgroup)} MB\n`);
    removeCgroup(cgroup);
    removeCgroup(memoryCgroup);
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
      return { url, isolation, output: () => output, outOfMemory, stop };
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
  const tail = output.trim() ? `\nIts last output:\n${output.trim().split('\n').slice(-30).join('\n')}` : '';
  const memory = outOfMemory();
  const why = memory
    ? `\`npm start\` ${exited ?? 'was killed'} before answering any HTTP request. ${memory}`
    : exited
      ? `\`npm start\` ${exited} before answering any HTTP request. Your service must listen on the PORT (and HOST) it is given.`
      : `\`npm start\` did not answer HTTP on PORT within ${Math.round((o.startLimitMs ?? 150_000) / 1000)} s. Your service must listen on the PORT (and HOST) it is given.`;
  await stop();
  throw new ServiceStartError(`${why}${tail}`, isolation);
}
