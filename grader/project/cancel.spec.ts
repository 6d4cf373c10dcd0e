// A milestone check that is cancelled mid-run (the page's Cancel, a closed page, the CLI's Ctrl-C)
// leaves nothing behind: no process of the sandbox or the suite, no per-run PostgreSQL database or
// role, no Redis ACL user or key; the report is an error saying it was cancelled, and nothing is
// recorded. Real parts throughout: a tiny service started by `npm start` in the grader's isolation,
// the real M1 suite against it over HTTP, the shared PostgreSQL and Redis.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { GradeEvent } from '../../src/schemas/report.ts';
import { DEFAULT_REDIS_URL, redisCommand } from '../redis.ts';
import { CANCELLED_MESSAGE, checkProject } from './check.ts';

// The real createBacking, watched: the test learns each run's database (also its role's name and,
// with ':' after it, its Redis prefix) to look for it afterwards.
const backings = vi.hoisted(() => [] as string[]);
vi.mock('./backing.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./backing.ts')>();
  return {
    ...real,
    createBacking: async (...args: Parameters<typeof real.createBacking>) => {
      const backing = await real.createBacking(...args);
      backings.push(backing.database);
      return backing;
    },
  };
});

const repo = join(import.meta.dirname, '..', '..');
const PG_ADMIN_URL = process.env['WORKBOOK_PG_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// Under the repository, as project.spec.ts does: a project there resolves the workbook's node_modules.
const runs = join(repo, '.workbook', 'project-runs');
mkdirSync(runs, { recursive: true });
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A copy of fixtures/slow-service (every request but `GET /` answers after 1.5 s): a run long enough to cancel. */
function slowProject(label: string): string {
  const dir = mkdtempSync(join(runs, `cancel-${label}-`));
  made.push(dir);
  cpSync(join(import.meta.dirname, 'fixtures', 'slow-service'), dir, { recursive: true });
  return dir;
}

const pids = () => readdirSync('/proc').filter((name) => /^\d+$/.test(name));
const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/** Processes whose working folder is inside `dir` (the service, its npm, the relay; M4's Vitest). */
function inFolder(dir: string): string[] {
  return pids().filter((pid) => {
    try {
      return readlinkSync(`/proc/${pid}/cwd`).startsWith(dir);
    } catch {
      return false; // gone, or not ours
    }
  });
}

/** Those, and processes whose environment names the run's database `id` (the suite, the service). */
const leftOf = (dir: string, id: string) => [
  ...new Set([...inFolder(dir), ...pids().filter((pid) => read(`/proc/${pid}/environ`).includes(id))]),
];

/** What is left of a run's backing: its database and role in PostgreSQL, its ACL user and keys in Redis. */
async function backingLeft(id: string) {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    const databases = await admin.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${id}%`]);
    const roles = await admin.query('SELECT rolname FROM pg_roles WHERE rolname = $1', [id]);
    const users = await redisCommand(DEFAULT_REDIS_URL, ['ACL', 'USERS'], 5000);
    const keys = await redisCommand(DEFAULT_REDIS_URL, ['KEYS', `${id}:*`], 5000);
    return {
      databases: databases.rows.map((r: { datname: string }) => r.datname),
      roles: roles.rows.map((r: { rolname: string }) => r.rolname),
      redisUser: users.includes(`workbook-${id}:`),
      keys: keys.startsWith('*0') ? 0 : Number(/^\*(\d+)/.exec(keys)?.[1] ?? -1),
    };
  } finally {
    await admin.end();
  }
}

const NOTHING_LEFT = { databases: [], roles: [], redisUser: false, keys: 0 };

/** Waits (bounded) until `ready()` holds; the test fails with `what` if it never does. */
async function until(what: string, ready: () => boolean, limitMs = 240_000): Promise<void> {
  for (const end = Date.now() + limitMs; Date.now() < end; ) {
    if (ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting: ${what}`);
}

// A loaded machine starts a service slowly (M2's took 11–17 s at load 20): the waits are generous.
describe('a cancelled milestone check', () => {
  it('milestone 1, cancelled after its first check: suite and service killed, database, role and Redis user dropped, report says cancelled', {
    timeout: 300_000,
  }, async () => {
    const dir = slowProject('m1');
    const controller = new AbortController();
    const events: GradeEvent[] = [];
    let during: { id: string; processes: string[]; backing: Awaited<ReturnType<typeof backingLeft>> } | undefined;
    const report = await checkProject({
      repo,
      dir,
      milestone: 'm1',
      signal: controller.signal,
      onEvent: (event) => {
        events.push(event);
        if (event.type !== 'check' || controller.signal.aborted) return;
        // Mid-run: the service answers, the suite has reported once and goes on. What exists now must go.
        const id = backings.at(-1) as string;
        const processes = leftOf(dir, id);
        void redisCommand(DEFAULT_REDIS_URL, ['SET', `${id}:left-by-the-service`, '1'], 5000)
          .then(() => backingLeft(id))
          .then((backing) => {
            during = { id, processes, backing };
            controller.abort();
          });
      },
    });
    expect(during, 'the run ended before the test could cancel it').toBeDefined();
    const { id, processes, backing } = during as NonNullable<typeof during>;
    // What the cancel had to clean up was really there.
    expect(processes.length).toBeGreaterThan(1);
    expect(backing).toEqual({ databases: [id], roles: [id], redisUser: true, keys: 1 });

    expect(report.status).toBe('error');
    expect(report.message).toBe(CANCELLED_MESSAGE);
    expect(report.checks.filter((c) => c.status !== 'skipped').length).toBeGreaterThanOrEqual(1);
    expect(report.checks.some((c) => c.status === 'skipped')).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'report', report: { status: 'error', message: CANCELLED_MESSAGE } });
    // checkProject resolves only after the clean-up: nothing is left at that moment.
    expect(leftOf(dir, id)).toEqual([]);
    expect(await backingLeft(id)).toEqual(NOTHING_LEFT);
    expect(JSON.parse(readFileSync(join(dir, 'workbook.project.json'), 'utf8')).milestones).toEqual({});
  });

  it("milestone 4, cancelled while the intern's own tests run: they are killed and the backing dropped", {
    timeout: 300_000,
  }, async () => {
    const dir = slowProject('m4');
    // One test that would run for ten minutes: only a cancel ends it early.
    writeFileSync(
      join(dir, 'slow.test.ts'),
      "import { it } from 'vitest';\nit('waits', () => new Promise((r) => setTimeout(r, 600_000)), 700_000);\n",
    );
    const controller = new AbortController();
    const before = backings.length;
    const running = checkProject({ repo, dir, milestone: 'm4', signal: controller.signal });
    // The tests run once a process of the run works in the project folder (and the backing exists).
    await until('the M4 test run starts', () => backings.length > before && inFolder(dir).length > 0);
    const id = backings.at(-1) as string;
    // Vitest's worker (workers/forks.js) is up: it runs the test file.
    const worker = () => inFolder(dir).some((pid) => read(`/proc/${pid}/cmdline`).includes('workers/forks'));
    await until("Vitest's worker is up", worker, 120_000);
    const seen = { id, processes: leftOf(dir, id) };
    expect(await backingLeft(id)).toMatchObject({ databases: [id], roles: [id], redisUser: true });
    controller.abort();
    const report = await running;
    expect(seen.processes.length).toBeGreaterThan(0);
    expect(report.status).toBe('error');
    expect(report.message).toBe(CANCELLED_MESSAGE);
    expect(leftOf(dir, id)).toEqual([]);
    expect(await backingLeft(id)).toEqual(NOTHING_LEFT);
  });

  it('the CLI on Ctrl-C: cleans up, prints one line, exits 130, saves nothing to progress', {
    timeout: 300_000,
  }, async () => {
    const dir = slowProject('cli');
    const progress = join(dir, 'progress.json');
    const cli: ChildProcess = spawn(
      process.execPath,
      [join(repo, 'grader', 'cli.ts'), 'project', 'check', 'm1', '--dir', dir],
      { env: { ...process.env, WORKBOOK_PROGRESS_FILE: progress, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    cli.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    cli.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => cli.once('exit', (code) => resolve(code)));
    // The service answered and the suite runs: its first check line is printed.
    await until('the first check line', () => /✖/.test(stdout));
    // The suite is the CLI's child; its environment names the run's database.
    const children = (pid: number): number[] =>
      readdirSync(`/proc/${pid}/task`).flatMap((task) =>
        read(`/proc/${pid}/task/${task}/children`).trim().split(/\s+/).filter(Boolean).map(Number),
      );
    const suite = children(cli.pid as number)
      .map((pid) => /PROJECT_DATABASE=([^\0]+)/.exec(read(`/proc/${pid}/environ`))?.[1])
      .find(Boolean);
    expect(suite, 'the suite process names the run database').toBeDefined();
    const id = suite as string;
    expect(await backingLeft(id)).toMatchObject({ databases: [id], roles: [id], redisUser: true });
    cli.kill('SIGINT');
    expect(await exited, stderr).toBe(130);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^workbook: cancelled the m1 check and cleaned up .*nothing was recorded\.$/);
    expect(leftOf(dir, id)).toEqual([]);
    expect(await backingLeft(id)).toEqual(NOTHING_LEFT);
    expect(existsSync(progress)).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'workbook.project.json'), 'utf8')).milestones).toEqual({});
  });
});
