// `workbook project check <milestone>`: starts the intern's service in isolation, runs the
// milestone's hidden acceptance suite against it over HTTP, streams per-check events and returns
// one CheckReport (id `project-<milestone>`), the same shape every exercise grade has.
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
import { milestoneChecks, runSuite } from './run-suite.ts';
import { ServiceStartError, serviceIsolationDetail, startService } from './service-process.ts';

export interface ProjectCheckOptions {
  repo: string;
  dir: string;
  milestone: ProjectMilestone;
  engine?: EngineName;
  isolation?: 'auto' | 'none';
  onEvent?: (event: GradeEvent) => void;
}

/** What the service is given besides PORT and HOST, per milestone. */
function milestoneEnv(_milestone: ProjectMilestone): Record<string, string> {
  return {};
}

const SUITE_LIMIT_MS = 180_000;

/** Why a folder cannot be started at all (no package.json, no start script), or undefined. */
export function projectProblem(dir: string): string | undefined {
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest))
    return `${dir} has no package.json: run \`workbook project init <dir>\` to start a project, or pass --dir <your project>.`;
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
    detail = serviceIsolationDetail(isolation),
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
  let service: Awaited<ReturnType<typeof startService>>;
  try {
    service = await startService({
      repo: o.repo,
      dir: o.dir,
      env: milestoneEnv(o.milestone),
      isolation: o.isolation ?? 'auto',
    });
  } catch (error) {
    if (!(error instanceof ServiceStartError)) throw error;
    return report('error', [], error.isolation, `Your service did not start: ${error.message}`);
  }
  try {
    const outcome = await runSuite(
      o.repo,
      o.milestone,
      { PROJECT_URL: service.url },
      (check) => emit({ type: 'check', check }),
      SUITE_LIMIT_MS,
    );
    if (outcome.problem) {
      const tail = service.output().trim().split('\n').slice(-20).join('\n');
      return report(
        'timeout',
        outcome.checks,
        service.isolation,
        `${outcome.problem}${tail ? `\nYour service's last output:\n${tail}` : ''}`,
      );
    }
    const passed = outcome.checks.length === expected.length && outcome.checks.every((c) => c.status === 'passed');
    return report(passed ? 'passed' : 'failed', outcome.checks, service.isolation);
  } finally {
    await service.stop();
  }
}
