// Milestone 4: runs the intern's own tests, with coverage, as untrusted code. Under bubblewrap the
// run gets what the service gets in milestones 1–3 (sandbox-args.ts): no network, its folder and
// the node_modules above it read-only, a private /tmp, own PIDs, an emptied environment, plus
// - one writable host folder (the scratch) where Vitest writes its JSON results and the coverage
//   report, at SCRATCH_INSIDE; the grader's CLI flags point there, whatever the intern's config says;
// - PostgreSQL at 127.0.0.1:5432 and Redis at 127.0.0.1:6379 inside, piped by the trusted relay to
//   the grader's guards (sandbox/pg-bridge.ts: only the run's role, to its database or one it
//   created named `<database>_…`; sandbox/redis-bridge.ts: a per-run ACL user), with DATABASE_URL
//   (a per-run role that may create databases), REDIS_URL and REDIS_PREFIX.
// The host then reads the scratch as data (coverage.ts); the run's exit code and output are shown,
// never believed alone.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CoverageRun } from '../../src/schemas/project-coverage.ts';
import type { Isolation } from '../../src/schemas/report.ts';
import {
  createMemoryCgroup,
  createPidsCgroup,
  inCgroup,
  memoryKills,
  memoryPeakMegabytes,
  removeCgroup,
  SOCKET_DIR,
} from '../sandbox/bubblewrap.ts';
import { detectIsolation, which } from '../sandbox/isolation.ts';
import { sandboxEnv } from '../sandbox/sandbox-env.ts';
import type { RunBacking } from './backing.ts';
import { COVERAGE_EXCLUDE, COVERAGE_INCLUDE } from './coverage.ts';
import { bwrapArgs, nodeDir, relayEnv } from './sandbox-args.ts';
import { emptied, pidNamespaceOf } from './sandbox-pids.ts';

/** Where the scratch folder appears inside the sandbox. */
const SCRATCH_INSIDE = '/run/workbook-scratch';
const OUTPUT_KEEP = 12_000;
const MAX_PIDS = 512;
/**
 * The run's memory limit (Vitest, its workers, the project's code, /tmp): the reference's 212
 * tests with coverage peaked at 1,327 MB (memory.max_usage_in_bytes, page cache included;
 * WORKBOOK_DEBUG=1 prints it); this is about 3× that.
 */
export const RUN_MEMORY_MEGABYTES = 4096;

export interface CoverageRunOptions {
  repo: string;
  dir: string;
  backing: RunBacking;
  isolation?: 'auto' | 'none';
  limitMs: number;
  /** The memory limit of the whole run, when a memory cgroup can be made; default RUN_MEMORY_MEGABYTES. */
  memoryMegabytes?: number;
  /** Aborted: the run is killed at once (as at the time limit) and resolves as it ended. */
  signal?: AbortSignal;
}

export interface FinishedRun extends CoverageRun {
  isolation: Isolation;
  /** Removes the scratch folder. */
  discard(): void;
}

/** The Vitest the project resolves (its own node_modules or one above it), or undefined. */
export function projectVitest(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    const entry = join(at, 'node_modules', 'vitest', 'vitest.mjs');
    if (existsSync(entry)) return entry;
    if (dirname(at) === at) return undefined;
  }
}

/** Vitest's arguments: the intern's config decides which tests run; the grader decides what is measured and where it goes. */
export function vitestArgs(scratch: string): string[] {
  // The folder is read-only: the config is loaded without bundling it to node_modules/.vite-temp,
  // and Vitest's caches go to the scratch.
  const args = ['run', '--configLoader', 'runner', '--no-cache', '--fsModuleCachePath', join(scratch, 'vitest-cache')];
  args.push('--reporter', 'default', '--reporter', 'json', '--outputFile.json', join(scratch, 'results.json'));
  args.push('--coverage.enabled', '--coverage.provider', 'v8', '--coverage.reportOnFailure');
  args.push('--coverage.reportsDirectory', join(scratch, 'coverage'), '--coverage.reporter', 'json');
  args.push('--coverage.include', COVERAGE_INCLUDE);
  for (const pattern of COVERAGE_EXCLUDE) args.push('--coverage.exclude', pattern);
  // A loaded grading machine is not the intern's laptop: the default test and hook timeouts are
  // generous (a timeout written on one test stays as written); the whole run has its own limit.
  args.push('--testTimeout', '120000', '--hookTimeout', '180000');
  // The intern's own thresholds do not decide the verdict (the host measures); 0 keeps them from failing the run.
  for (const metric of ['lines', 'statements', 'branches', 'functions'])
    args.push(`--coverage.thresholds.${metric}`, '0');
  return args;
}

/** Runs the tests to the end (or the limit) and says what happened; the scratch stays until discard(). */
export async function runProjectTests(o: CoverageRunOptions): Promise<FinishedRun> {
  const bwrap =
    o.isolation === 'none' ? undefined : detectIsolation().isolation === 'bubblewrap' ? which('bwrap') : undefined;
  const isolation: Isolation = bwrap ? 'bubblewrap' : 'none';
  const node = nodeDir(o.repo);
  const socketDir = mkdtempSync(join(tmpdir(), `workbook-m4-${process.pid}-`));
  const scratch = mkdtempSync(join(tmpdir(), `workbook-m4-scratch-${process.pid}-`));
  const vitest = projectVitest(o.dir);
  // Retried: a process of the sandbox that is still dying may write one last file into it.
  const discard = () => rmSync(scratch, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  const finish = (fields: Omit<CoverageRun, 'dir' | 'scratch' | 'limitSeconds'>): FinishedRun => {
    rmSync(socketDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    return { dir: o.dir, scratch, limitSeconds: Math.round(o.limitMs / 1000), isolation, discard, ...fields };
  };
  if (!vitest)
    return finish({
      exitCode: null,
      timedOut: false,
      output: `No Vitest is installed for ${o.dir}: run \`npm install\` there (the skeleton lists vitest and @vitest/coverage-v8).`,
    });

  const inside = bwrap ? SCRATCH_INSIDE : scratch;
  // Inside bubblewrap, PostgreSQL and Redis are 127.0.0.1:5432 and :6379, relayed to the grader's guards.
  const env = sandboxEnv(
    { home: bwrap ? '/tmp' : scratch, binDir: node },
    { NO_COLOR: '1', CI: '1', ...o.backing.env(Boolean(bwrap)), ...(bwrap ? relayEnv(o.backing) : {}) },
  );
  let child: ChildProcess;
  let cgroup: string | undefined;
  let memoryCgroup: string | undefined;
  const memoryMegabytes = o.memoryMegabytes ?? RUN_MEMORY_MEGABYTES;
  if (bwrap) {
    const name = `project-m4-${process.pid}-${Date.now()}`;
    cgroup = createPidsCgroup(name, MAX_PIDS);
    memoryCgroup = createMemoryCgroup(name, memoryMegabytes);
    const target = { dir: o.dir, backing: o.backing, scratch: { host: scratch, inside: SCRATCH_INSIDE } };
    const args = bwrapArgs(target, socketDir, env, join(node, 'node'));
    const relay = join(import.meta.dirname, 'relay.ts');
    const command = [
      bwrap,
      ...args,
      '--',
      join(node, 'node'),
      relay,
      `${SOCKET_DIR}/service.sock`,
      '3000',
      join(node, 'node'),
      vitest,
      ...vitestArgs(inside),
    ];
    const full = inCgroup([cgroup, memoryCgroup], command);
    child = spawn(full[0] as string, full.slice(1), {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: env['PATH'] as string },
    });
  } else {
    child = spawn(join(node, 'node'), [vitest, ...vitestArgs(inside)], {
      cwd: o.dir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    });
  }
  // The sandbox's PID namespace, learned once the run prints or before a kill (cancel, time limit):
  // the run ends only once it is empty, as the service's stop does (sandbox-pids.ts).
  let namespace: string | undefined;
  let output = '';
  const keep = (chunk: Buffer) => {
    if (bwrap && child.pid) namespace ??= pidNamespaceOf(child.pid);
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_KEEP);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let timedOut = false;
  const kill = () => {
    if (bwrap && child.pid) namespace ??= pidNamespaceOf(child.pid);
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  };
  const timer = setTimeout(() => {
    timedOut = true;
    kill();
  }, o.limitMs);
  o.signal?.addEventListener('abort', kill, { once: true });
  if (o.signal?.aborted) kill();
  const exitCode = await new Promise<number | null>((resolve) => {
    child.once('error', (error) => {
      output += `\nCould not start the tests: ${error.message}`;
      resolve(null);
    });
    child.once('exit', (code) => resolve(code));
  });
  clearTimeout(timer);
  o.signal?.removeEventListener('abort', kill);
  // Whatever the run left behind in its group (a server a test forgot to close) ends with it.
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // the group is gone already
  }
  if (namespace) await emptied(namespace);
  if (memoryKills(memoryCgroup) > 0)
    output += `\nYour tests ran out of their ${memoryMegabytes} MB memory limit: the sandbox's kernel limit killed a process of the run. Look for memory a test keeps without end (files written to /tmp count too).`;
  if (process.env['WORKBOOK_DEBUG'] && memoryCgroup)
    process.stderr.write(`[m4 run] memory peak ${memoryPeakMegabytes(memoryCgroup)} MB\n`);
  removeCgroup(cgroup);
  removeCgroup(memoryCgroup);
  return finish({ exitCode, timedOut, output: output.trim().split('\n').slice(-60).join('\n') });
}
