// `workbook project check <milestone>`: starts the intern's service in isolation, runs the
// milestone's hidden acceptance suite against it over HTTP, streams per-check events and returns
// one CheckReport (id `project-<milestone>`), the same shape every exercise grade has.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ProjectMilestone, projectReportId } from '../../src/schemas/project.ts';
import {
  type CheckReport,
  type CheckResult,
  checkReportSchema,
  type EngineName,
  type GradeEvent,
  type Isolation,
  REPORT_VERSION,
} from '../../src/schemas/report.ts';
import { createBacking, type RunBacking } from './backing.ts';
import { checkCoverage } from './coverage-check.ts';
import { type Front, openFront } from './front.ts';
import { milestoneChecks, runSuite } from './run-suite.ts';
import { type RunningService, ServiceStartError, serviceIsolationDetail, startService } from './service-process.ts';

export interface ProjectCheckOptions {
  repo: string;
  dir: string;
  milestone: ProjectMilestone;
  engine?: EngineName;
  isolation?: 'auto' | 'none';
  onEvent?: (event: GradeEvent) => void;
  /** Run only the check with this exact name (the others are reported skipped): integrity tests. */
  only?: string;
  /**
   * Aborted (the page's Cancel, a closed page, the CLI's Ctrl-C): the suite and the service are
   * killed, the backing is dropped, and the report is an error whose message is CANCELLED_MESSAGE.
   * It resolves only once all of that is done.
   */
  signal?: AbortSignal;
}

/** The message of a cancelled run's report (status 'error'): callers record no verdict for it. */
export const CANCELLED_MESSAGE =
  "Cancelled before the checks finished: the service and the suite were stopped, and the run's database, role and Redis user removed. Nothing was recorded; check again when you are ready.";

/**
 * Milestones whose service gets PostgreSQL and Redis (DATABASE_URL, REDIS_URL, REDIS_PREFIX): all
 * that start one. M1 and M3 need neither, but a service given DATABASE_URL starts sooner (the
 * reference: first result 2.4 s on PostgreSQL against 5.1 s on PGlite, quiet machine).
 */
const NEEDS_BACKING: ReadonlySet<ProjectMilestone> = new Set(['m1', 'm2', 'm3']);

/** What the report says about the backing services, per fence. */
const backingNote = (isolation: Isolation) =>
  isolation === 'bubblewrap'
    ? " It reached PostgreSQL only through the grader's guard, which lets connections through as the run's own role to the run's own database (any other role or database is refused), and Redis as a per-run ACL user limited to its key prefix."
    : ' It reached PostgreSQL over the network as a per-run role and database, unguarded (the server trusts local connections, so another role name would be accepted), and Redis as a per-run ACL user limited to its key prefix.';

const SUITE_LIMIT_MS = 180_000;
/** How long `npm start` may take to answer its first request (a busy machine is slow). */
const START_LIMIT_MS = 150_000;

/** Why a folder cannot be started at all (no package.json, no start script), or undefined. */
export function projectProblem(dir: string): string | undefined {
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest))
    return `${dir} has no package.json: run \`npx workbook project init <dir>\` to start a project, or pass --dir <your project>.`;
  let scripts: unknown;
  try {
    scripts = (JSON.parse(readFileSync(manifest, 'utf8')) as { scripts?: unknown }).scripts;
  } catch (error) {
    return `${manifest} is not valid JSON (${(error as Error).message}); fix it and check again.`;
  }
  if (typeof (scripts as Record<string, unknown> | undefined)?.['start'] !== 'string')
    return `${manifest} has no "start" script: the workbook starts your service with \`npm start\` (e.g. "start": "tsx src/main.ts").`;
  return undefined;
}

export async function checkProject(o: ProjectCheckOptions): Promise<CheckReport> {
  const started = performance.now();
  const exerciseId = projectReportId(o.milestone);
  const expected = milestoneChecks(o.repo, o.milestone);
  const emit = o.onEvent ?? (() => undefined);
  emit({ type: 'started', exerciseId, checks: expected });
  const report = (
    status: CheckReport['status'],
    checks: CheckResult[],
    isolation: Isolation,
    message?: string,
    detail = serviceIsolationDetail(isolation) + (NEEDS_BACKING.has(o.milestone) ? backingNote(isolation) : ''),
  ) => {
    // In declared order, whatever order the files ran in; a check that never reported is skipped.
    const byName = new Map(checks.map((c) => [c.name, c]));
    const all = [
      ...expected.map((name): CheckResult => byName.get(name) ?? { name, status: 'skipped', durationMs: 0 }),
      ...checks.filter((c) => !expected.includes(c.name)),
    ];
    const built = checkReportSchema.parse({
      version: REPORT_VERSION,
      exerciseId,
      status,
      checks: all,
      ...(message ? { message } : {}),
      durationMs: Math.round(performance.now() - started),
      engine: o.engine ?? 'cli',
      isolation,
      isolationDetail: detail,
      finishedAt: new Date().toISOString(),
    });
    emit({ type: 'report', report: built });
    return built;
  };

  const problem = projectProblem(o.dir);
  if (problem) return report('error', [], 'none', problem, 'Nothing ran: the folder cannot be started.');
  const cancelled = o.signal ?? new AbortController().signal;
  const cancelledReport = (checks: CheckResult[], isolation: Isolation) =>
    report('error', checks, isolation, CANCELLED_MESSAGE);
  if (cancelled.aborted) return cancelledReport([], 'none');
  // Milestone 4 starts no service: it runs the intern's own tests and measures their coverage.
  if (o.milestone === 'm4')
    return checkCoverage({
      repo: o.repo,
      dir: o.dir,
      only: o.only,
      expected,
      onCheck: (check) => emit({ type: 'check', check }),
      report,
      signal: cancelled,
      cancelledMessage: CANCELLED_MESSAGE,
      ...(o.isolation ? { isolation: o.isolation } : {}),
    });
  let backing: RunBacking | undefined;
  if (NEEDS_BACKING.has(o.milestone)) {
    try {
      backing = await createBacking();
    } catch (error) {
      return report('error', [], 'none', (error as Error).message, 'Nothing ran: a backing service is missing.');
    }
    if (cancelled.aborted) {
      await backing.close();
      return cancelledReport([], 'none');
    }
  }
  // One secret per run, kept across a restart: tokens issued before it stay valid.
  const env = { JWT_SECRET: randomBytes(32).toString('base64url') };
  // Aborted on cancel, and when the run ends: a restart still starting then gives up and kills its sandbox.
  const runEnded = new AbortController();
  const start = () =>
    startService({
      repo: o.repo,
      dir: o.dir,
      env,
      isolation: o.isolation ?? 'auto',
      startLimitMs: START_LIMIT_MS,
      signal: runEnded.signal,
      ...(backing ? { backing } : {}),
    });
  let suiteChecks = 0;
  const stopping: Promise<void>[] = [];
  let service: RunningService | undefined;
  let front: Front | undefined;
  const debug = (label: string) => {
    if (process.env['WORKBOOK_DEBUG'])
      process.stderr.write(`[project ${o.milestone}] ${label} at ${Math.round(performance.now() - started)} ms\n`);
  };
  debug('backing ready');
  const endSuite = new AbortController();
  const cancel = () => {
    runEnded.abort();
    endSuite.abort();
  };
  cancelled.addEventListener('abort', cancel, { once: true });
  try {
    // One stable address for the whole run: a restart (persistence checks) changes what is behind it.
    front = await openFront(async () => {
      debug('restart asked');
      // stop() SIGKILLs the old sandbox at once (its processes run no more code), then waits until
      // its PID namespace is empty (1–2 s on a busy machine): the new one starts meanwhile, in its
      // own namespaces and socket folder; the run's end waits for every stop.
      if (service) stopping.push(service.stop());
      // Awaited at the run's end too, so a start still under way is never left behind.
      const restarted = start().then((started) => {
        service = started;
      });
      stopping.push(restarted.catch(() => undefined));
      await restarted;
      if (!service) throw new Error('The service did not restart.');
      debug('restart: service answered');
      return service.url;
    });
    // The suite's Vitest starts now, while the service starts: its global setup waits at the
    // front's /ready, so both start-ups overlap and the first check runs as soon as the service answers.
    const suite = runSuite(
      o.repo,
      o.milestone,
      { PROJECT_URL: front.url, PROJECT_CONTROL_URL: front.controlUrl, ...backing?.suiteEnv },
      (check) => {
        if (suiteChecks++ === 0) debug('first check result');
        emit({ type: 'check', check });
      },
      START_LIMIT_MS + SUITE_LIMIT_MS,
      o.only,
      endSuite.signal,
    );
    try {
      service = await start();
    } catch (error) {
      endSuite.abort();
      front.failed(error instanceof Error ? error.message : String(error));
      const { checks } = await suite;
      if (cancelled.aborted)
        return cancelledReport(checks, error instanceof ServiceStartError ? error.isolation : 'none');
      if (!(error instanceof ServiceStartError)) throw error;
      return report('error', [], error.isolation, `Your service did not start: ${error.message}`);
    }
    debug('service answered');
    front.ready(service.url);
    const outcome = await suite;
    debug('suite ended');
    const isolation = service.isolation;
    // A killed suite reads as a timeout: a cancelled run says what happened instead.
    if (cancelled.aborted) return cancelledReport(outcome.checks, isolation);
    // Checks that failed because the memory limit killed the service say so first.
    const memory = service.outOfMemory();
    if (outcome.problem) {
      const tail = service.output().trim().split('\n').slice(-20).join('\n');
      const message = `${memory ? `${memory}\n` : ''}${outcome.problem.message}${tail ? `\nYour service's last output:\n${tail}` : ''}`;
      return report(outcome.problem.kind, outcome.checks, isolation, message);
    }
    const ran = outcome.checks.filter((c) => c.status !== 'skipped');
    const complete = o.only ? ran.length === 1 : ran.length === expected.length;
    const passed = complete && ran.every((c) => c.status === 'passed');
    return report(passed ? 'passed' : 'failed', outcome.checks, isolation, memory);
  } finally {
    cancelled.removeEventListener('abort', cancel);
    runEnded.abort();
    await front?.close();
    await Promise.all(stopping);
    await service?.stop();
    await backing?.close();
  }
}
