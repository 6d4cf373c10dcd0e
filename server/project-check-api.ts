// POST /api/project-check: the capstone's "Check milestone" in the page (and POST /api/project-regrade,
// a mentor's re-grade of a report's project archive, grader/project/regrade.ts). It starts the intern's
// service (their code) and runs a hidden suite against it, so it passes the same guard as
// /api/grade (own Host and Origin, the per-process token). The folder comes from the page, so it is
// held to what a project is: a full path, inside the folders projects may live in (home, beside the
// workbook, or WORKBOOK_PROJECTS), not the workbook itself, holding a real workbook.project.json.
// Threat: a page that got the token (or a mistyped path) pointing the grader at /etc, at the
// workbook's own service/, or through a symlinked marker at some other folder.
import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, relative } from 'node:path';
import {
  PROJECT_CHECK_PATH,
  PROJECT_REGRADE_PATH,
  projectCheckRequestSchema,
  projectRegradeRequestSchema,
} from '../src/schemas/grade-api.ts';
import {
  MAX_PROJECT_ARCHIVE_BYTES,
  type ProjectMilestone,
  projectReportId,
  workbookProjectSchema,
} from '../src/schemas/project.ts';
import { type CheckReport, type GradeEvent, REPORT_VERSION } from '../src/schemas/report.ts';
import { type ApiGuard, HttpError, parseJsonBody, sendFailure, startEventStream } from './api-guard.ts';

const MAX_BODY_BYTES = 8 * 1024;

export interface ProjectCheckApiOptions {
  guard: ApiGuard;
  /** The workbook's own folder: never a project. */
  workbookRoot: string;
  /** Folders a project may live in (their real paths are compared). */
  roots: readonly string[];
  /** Milestones that have an acceptance suite today. */
  milestones: () => readonly ProjectMilestone[];
  /**
   * Runs the suite (grader/project/check.ts checkProject). `signal` is aborted when the client goes
   * away (Cancel, a closed page): the run stops, cleans up, and only then resolves.
   */
  check: (
    milestone: ProjectMilestone,
    dir: string,
    onEvent: (event: GradeEvent) => void,
    signal: AbortSignal,
  ) => Promise<CheckReport>;
  /**
   * Records a check's report (a pass in the project's workbook.project.json). Called only once the
   * whole report was handed to a client still connected: a page that cancelled while the run was
   * finishing says "nothing was recorded", and finds nothing recorded.
   */
  record?: (milestone: ProjectMilestone, dir: string, report: CheckReport) => void;
  /** Re-grades a report's project archive (grader/project/regrade.ts); absent: the re-grade path answers 404. */
  regrade?: (
    milestone: ProjectMilestone,
    archive: Uint8Array,
    onEvent: (event: GradeEvent) => void,
    signal: AbortSignal,
  ) => Promise<CheckReport>;
}

/** The folders projects may live in by default: home, beside the workbook, and WORKBOOK_PROJECTS (path list). */
export function defaultProjectRoots(workbookRoot: string, env = process.env): string[] {
  const extra = (env['WORKBOOK_PROJECTS'] ?? '').split(delimiter).filter((p) => isAbsolute(p));
  return [homedir(), dirname(workbookRoot), ...extra];
}

const inside = (parent: string, child: string) => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};
const real = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
};

/** The project folder's real path, or an HttpError saying why it may not be checked. */
export function resolveProjectDir(dir: string, o: Pick<ProjectCheckApiOptions, 'roots' | 'workbookRoot'>): string {
  if (!isAbsolute(dir))
    throw new HttpError(
      400,
      `Field "dir": give the full path of your project folder (e.g. /home/you/my-task-service), not "${dir}".`,
    );
  const path = real(dir);
  if (!path) throw new HttpError(400, `Field "dir": ${dir} does not exist on the machine running \`npm start\`.`);
  if (!statSync(path).isDirectory())
    throw new HttpError(400, `Field "dir": ${dir} is a file, not your project folder.`);
  // A filesystem root is never a sensible place to allow everything below (HOME=/, a workbook at /repo).
  const roots = o.roots.flatMap((r) => real(r) ?? []).filter((r) => dirname(r) !== r);
  const workbook = real(o.workbookRoot) ?? o.workbookRoot;
  if (inside(workbook, path) || inside(path, workbook))
    throw new HttpError(
      403,
      `Field "dir": ${path} is the workbook's own folder (or holds it), not a project; check the folder \`project init\` or the download made.`,
    );
  if (!roots.some((root) => inside(root, path) && root !== path))
    throw new HttpError(
      403,
      `Field "dir": ${path} is outside the folders projects may live in (${roots.join(', ')}); keep your project in your home folder or beside the workbook, or start the workbook with WORKBOOK_PROJECTS=<folder>.`,
    );
  const marker = join(path, 'workbook.project.json');
  const info = lstatFile(marker);
  if (!info)
    throw new HttpError(
      400,
      `${path} is not a capstone project: it has no workbook.project.json (\`workbook project init\` and the home page's skeleton download write one).`,
    );
  if (!info.isFile())
    throw new HttpError(400, `${marker} must be a plain file (it is a link or a folder); a project holds its own.`);
  let parsed: ReturnType<typeof workbookProjectSchema.safeParse>;
  try {
    parsed = workbookProjectSchema.safeParse(JSON.parse(readFileSync(marker, 'utf8')));
  } catch (error) {
    throw new HttpError(400, `${marker} is not valid JSON (${(error as Error).message}).`);
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(
      400,
      `${marker}: field "${issue?.path.join('.') || '(root)'}" ${issue?.message ?? 'is invalid'}.`,
    );
  }
  return path;
}

function failedRun(milestone: ProjectMilestone, why: string, durationMs: number): CheckReport {
  return {
    version: REPORT_VERSION,
    exerciseId: projectReportId(milestone),
    status: 'error',
    checks: [],
    message: `The milestone check failed: ${why}. Check again; if it persists, restart \`npm start\`.`,
    durationMs,
    engine: 'local',
    isolation: 'none',
    finishedAt: new Date().toISOString(),
  };
}

function lstatFile(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

const REGRADE_BODY_BYTES = Math.ceil(MAX_PROJECT_ARCHIVE_BYTES / 3) * 4 + 1024;

interface Job {
  milestone: ProjectMilestone;
  label: string;
  run: (onEvent: (event: GradeEvent) => void, signal: AbortSignal) => Promise<CheckReport>;
  /** What to do with a report its client received (a re-grade records nothing). */
  record?: (report: CheckReport) => void;
}

/** The run under way: what it is, whether its client left, and when its clean-up ends. */
interface Running {
  label: string;
  cancelled: AbortSignal;
  ended: Promise<void>;
}

/** Ends the stream: true once all of it was handed to a client still connected, false when it left first. */
function delivered(res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    if (res.destroyed) return resolve(false);
    res.once('finish', () => resolve(true));
    res.once('close', () => resolve(res.writableFinished));
    res.end();
  });
}

/**
 * The routes: "Check milestone" (a project folder) and, when `regrade` is given, a mentor's re-grade
 * (a report's project archive). One run at a time (each starts a whole service), streamed as GradeEvents.
 * A client that goes away (Cancel, a closed page) aborts its run; the lock is released once the
 * run's clean-up ends, and a request arriving meanwhile waits for that instead of answering 409.
 */
/** How long a request waits for a running check whose client may just have left, before 409. */
const CLOSE_GRACE_MS = 2_000;

export function createProjectCheckRoute(o: ProjectCheckApiOptions) {
  let running: Running | undefined;
  const known = (milestone: ProjectMilestone) => {
    if (!o.milestones().includes(milestone))
      throw new HttpError(404, `Milestone ${milestone} has no acceptance suite yet; its page says what it will ask.`);
  };
  const checkJob = async (req: IncomingMessage): Promise<Job> => {
    const example = '{"milestone": "m1", "dir": "/path/to/project"}';
    const request = parseJsonBody(
      await o.guard.readBody(req, MAX_BODY_BYTES, `Send ${example}.`),
      projectCheckRequestSchema,
      example,
    );
    known(request.milestone);
    const dir = resolveProjectDir(request.dir, o);
    return {
      milestone: request.milestone,
      label: `${request.milestone} of ${dir}`,
      run: (onEvent, signal) => o.check(request.milestone, dir, onEvent, signal),
      ...(o.record ? { record: (report: CheckReport) => o.record?.(request.milestone, dir, report) } : {}),
    };
  };
  const regradeJob = async (req: IncomingMessage): Promise<Job> => {
    const regrade = o.regrade;
    if (!regrade) throw new HttpError(404, 'This server does not re-grade project archives.');
    const example = '{"milestone": "m1", "archive": "<base64 of the .tar.gz>"}';
    const request = parseJsonBody(
      await o.guard.readBody(
        req,
        REGRADE_BODY_BYTES,
        'A project archive is at most 2 MB: leave out node_modules, dist and coverage.',
      ),
      projectRegradeRequestSchema,
      example,
    );
    known(request.milestone);
    const archive = Buffer.from(request.archive, 'base64');
    return {
      milestone: request.milestone,
      label: `a re-grade of ${request.milestone}`,
      run: (onEvent, signal) => regrade(request.milestone, archive, onEvent, signal),
    };
  };
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== PROJECT_CHECK_PATH && path !== PROJECT_REGRADE_PATH) return false;
    // The client went away before the report (Cancel, a closed page): stop the run and clean up.
    // Listened for from the start: a client that leaves while its request waits starts nothing.
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort(new Error('client disconnected'));
    });
    try {
      if (req.method !== 'POST') throw new HttpError(405, `Use POST ${path} with a JSON body.`);
      o.guard.check(req, true);
      const job = path === PROJECT_CHECK_PATH ? await checkJob(req) : await regradeJob(req);
      // A run whose client has just left may not have heard the close yet (this request can be read
      // first, as a page's Cancel then at once Re-grade did under load): give it a moment to notice.
      if (running && !running.cancelled.aborted)
        await Promise.race([running.ended, new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS))]);
      // A cancelled run is only cleaning up (seconds): wait for it rather than refuse.
      while (running?.cancelled.aborted) await running.ended;
      if (controller.signal.aborted) return true;
      if (running)
        throw new HttpError(
          409,
          `A milestone check is already running (${running.label}); wait for it to finish, then try again.`,
        );
      let end: () => void = () => undefined;
      const ended = new Promise<void>((resolve) => {
        end = resolve;
      });
      running = { label: job.label, cancelled: controller.signal, ended };
      const send = startEventStream(res);
      const started = Date.now();
      let report: CheckReport;
      try {
        report = await job.run((event) => {
          if (event.type !== 'report') send(event);
        }, controller.signal);
      } catch (error) {
        report = failedRun(job.milestone, (error as Error).message, Date.now() - started);
      } finally {
        running = undefined;
        end();
      }
      send({ type: 'report', report });
      // A client that left before all of it was handed over (Cancel as the run finished) was told
      // nothing was recorded: then nothing is.
      if (await delivered(res)) job.record?.(report);
    } catch (error) {
      sendFailure(res, error);
    }
    return true;
  };
}
