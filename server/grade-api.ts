// The local grading API: POST /api/grade streams GradeEvents as NDJSON, GET /api/health lets a
// page detect the engine. It runs learner code, so every request passes server/api-guard.ts: it
// must come from a page this very process served (own Host, own Origin, the per-process token).
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CheckReport, GradeEvent, GradeRequest } from '../src/schemas/report.ts';
import { GRADE_PATH, HEALTH_PATH, type HealthResponse } from '../src/schemas/grade-api.ts';
import { createApiGuard, HttpError, parseJsonBody, sendFailure, sendJson, startEventStream } from './api-guard.ts';
import { gradeRequestSchema, MAX_GRADE_REQUEST_BYTES, REPORT_VERSION } from '../src/schemas/report.ts';

export const MAX_BODY_BYTES = MAX_GRADE_REQUEST_BYTES;
/** The tag every page carries empty in the static build (BaseLayout); the server fills it per response. */
const TOKEN_META = /<meta name="workbook-token" content=""\s*\/?>/;

/** The part of the grader (grader/index.ts) the API needs. */
export interface GradeBackend {
  grade(
    request: GradeRequest,
    options?: { signal?: AbortSignal; onEvent?: (event: GradeEvent) => void; engine?: 'local' },
  ): Promise<CheckReport>;
}

export interface GradeApiOptions {
  grader: GradeBackend;
  /** Exercise id → the workspace paths the learner may send (the editable files). */
  exercises: ReadonlyMap<string, readonly string[]>;
  /** Host headers this server answers to, e.g. ["127.0.0.1:4321", "localhost:4321"]; a function when the port is known only after listening. */
  allowedHosts: readonly string[] | (() => readonly string[]);
  /** Defaults to a fresh random token per process. */
  token?: string;
  /** Infrastructure the health answer reports missing (redis → why, with the fix); read per request. */
  missing?: () => HealthResponse['missing'];
}

export interface GradeApi {
  readonly token: string;
  /** Handles /api/* requests; returns false for any other path so the static server can serve it. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Writes the token into a page served to this server's own Host (the static build carries an empty meta tag). */
  injectToken(html: string, req: Pick<IncomingMessage, 'headers'>): string;
}

/** The Host values a server listening on host:port answers to; loopback aliases included. */
export function hostsFor(host: string, port: number): string[] {
  const loopback = ['127.0.0.1', 'localhost', '[::1]'];
  const names = loopback.includes(host) || host === '::1' ? loopback : [host.includes(':') ? `[${host}]` : host];
  return names.map((name) => `${name}:${port}`);
}

/** Creates the guarded grading API around a grader. */
export function createGradeApi(options: GradeApiOptions): GradeApi {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const allowed =
    typeof options.allowedHosts === 'function' ? options.allowedHosts : () => options.allowedHosts as readonly string[];
  const guard = createApiGuard(allowed, token);

  const parseRequest = (text: string): GradeRequest => {
    const request = parseJsonBody(text, gradeRequestSchema, '{"exerciseId": "...", "files": {"<path>": "<code>"}}');
    const editable = options.exercises.get(request.exerciseId);
    if (!editable) throw new HttpError(404, `Unknown exercise "${request.exerciseId}"; see /exercises/ for the list.`);
    for (const path of Object.keys(request.files)) {
      if (!editable.includes(path))
        throw new HttpError(
          400,
          `Field "files.${path}": not an editable file of "${request.exerciseId}" (editable: ${editable.join(', ')}).`,
        );
    }
    return request;
  };

  const stream = async (res: ServerResponse, request: GradeRequest): Promise<void> => {
    const controller = new AbortController();
    // A closed connection before the report means the learner cancelled or left: stop the run.
    res.on('close', () => {
      if (!res.writableFinished) controller.abort(new Error('client disconnected'));
    });
    const send: (event: GradeEvent) => void = startEventStream(res);
    const started = Date.now();
    try {
      const report = await options.grader.grade(request, {
        signal: controller.signal,
        onEvent: (e) => {
          if (e.type !== 'report') send(e);
        },
        engine: 'local',
      });
      send({ type: 'report', report });
    } catch (error) {
      if (controller.signal.aborted) return;
      send({
        type: 'report',
        report: errorReport(
          request,
          `The grader failed: ${(error as Error).message}. Run the checks again; if it persists, restart \`npm start\`.`,
          Date.now() - started,
        ),
      });
    } finally {
      res.end();
    }
  };

  return {
    token,
    // A page fetched under a foreign Host (DNS rebinding: evil.example resolving to 127.0.0.1) must
    // not carry the token, or that site could read it from the page and drive the grader.
    injectToken: (html, req) =>
      guard.isOwnHost(req) ? html.replace(TOKEN_META, () => `<meta name="workbook-token" content="${token}">`) : html,
    async handle(req, res) {
      const path = (req.url ?? '/').split('?')[0];
      if (path !== GRADE_PATH && path !== HEALTH_PATH) return false;
      try {
        if (path === HEALTH_PATH) {
          if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Use GET /api/health.');
          guard.check(req, false);
          const missing = options.missing?.();
          const health: HealthResponse = { ok: true, engine: 'local', exercises: options.exercises.size };
          sendJson(res, 200, missing && Object.keys(missing).length ? { ...health, missing } : health);
          return true;
        }
        if (req.method !== 'POST') throw new HttpError(405, 'Use POST /api/grade with a JSON body.');
        guard.check(req, true);
        const request = parseRequest(
          await guard.readBody(req, MAX_BODY_BYTES, "Send only the exercise's editable files."),
        );
        await stream(res, request);
      } catch (error) {
        sendFailure(res, error);
      }
      return true;
    },
  };
}

function errorReport(request: GradeRequest, message: string, durationMs: number): CheckReport {
  return {
    version: REPORT_VERSION,
    exerciseId: request.exerciseId,
    status: 'error',
    checks: [],
    message,
    durationMs,
    engine: 'local',
    isolation: 'none',
    finishedAt: new Date().toISOString(),
  };
}

export interface LocalGrading {
  /** The plug-in route for the site server (server/index.ts). */
  route: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /** The site server's HTML transform: writes the token into every page served to our own Host. */
  transformHtml: (html: string, req: IncomingMessage) => string;
  close(): Promise<void>;
}

/** Starts the warm grader and the guarded API for `npm start`; `address` is read per request. */
export async function createLocalGrading(options: {
  root: string;
  address: () => { host: string; port: number };
}): Promise<LocalGrading> {
  const [{ createGrader }, { loadExercises }, { DEFAULT_REDIS_URL, redisProblem }] = await Promise.all([
    import('../grader/index.ts'),
    import('../src/catalog/load.ts'),
    import('../grader/redis.ts'),
  ]);
  const allowedHosts = () => hostsFor(options.address().host, options.address().port);
  let exercises: Map<string, string[]>;
  try {
    exercises = new Map(
      loadExercises(options.root).map((e) => [
        e.manifest.id,
        e.manifest.files.filter((f) => f.editable).map((f) => f.path),
      ]),
    );
  } catch (error) {
    // The site still serves (chapters, editing, hints); only checks are unavailable, and say why.
    const reason = `the exercise catalog is invalid, so checks cannot run: ${(error as Error).message}\nFix it and restart \`npm start\`.`;
    console.error(`start: ${reason}`);
    const api = createGradeApi({
      grader: { grade: () => Promise.reject(new Error(reason)) },
      exercises: new Map(),
      allowedHosts,
    });
    const unavailable = async (req: IncomingMessage, res: ServerResponse) => {
      const path = (req.url ?? '/').split('?')[0];
      if (path !== GRADE_PATH && path !== HEALTH_PATH) return false;
      sendJson(res, 503, { ok: false, error: reason });
      return true;
    };
    return {
      route: unavailable,
      transformHtml: (html, req) => api.injectToken(html, req),
      close: async () => undefined,
    };
  }
  const grader = await createGrader({ root: options.root, warmWorker: true });
  const redis = watchService(() => redisProblem(process.env['REDIS_URL'] ?? DEFAULT_REDIS_URL));
  await redis.refresh();
  const api = createGradeApi({
    grader,
    exercises,
    allowedHosts,
    missing: () => {
      const problem = redis.current();
      return problem ? { redis: problem } : {};
    },
  });
  const projects = await projectCheckRoute(options.root, allowedHosts, api.token);
  return {
    route: async (req, res) => (await projects(req, res)) || api.handle(req, res),
    transformHtml: (html, req) => api.injectToken(html, req),
    close: () => grader.close(),
  };
}

/** "Check milestone" and project re-grades for `npm start`: the capstone suites (grader/project/), behind the same guard and token. */
async function projectCheckRoute(root: string, allowedHosts: () => readonly string[], token: string) {
  const [
    { checkProject },
    { recordPassed },
    { regradeProjectArchive },
    { suiteFiles },
    { PROJECT_MILESTONES },
    { createProjectCheckRoute, defaultProjectRoots },
  ] = await Promise.all([
    import('../grader/project/check.ts'),
    import('../grader/project/init.ts'),
    import('../grader/project/regrade.ts'),
    import('../grader/project/run-suite.ts'),
    import('../src/schemas/project.ts'),
    import('./project-check-api.ts'),
  ]);
  const hasSuite = (m: (typeof PROJECT_MILESTONES)[number]) => {
    try {
      return suiteFiles(root, m).length > 0;
    } catch {
      return false;
    }
  };
  return createProjectCheckRoute({
    guard: createApiGuard(allowedHosts, token),
    workbookRoot: root,
    roots: defaultProjectRoots(root),
    milestones: () => PROJECT_MILESTONES.filter(hasSuite),
    check: (milestone, dir, onEvent, signal) =>
      checkProject({ repo: root, dir, milestone, engine: 'local', onEvent, signal }),
    // As the CLI does: the project's own record of the milestones it passed, once the page has the report.
    record: (milestone, dir, report) => {
      if (report.status !== 'passed') return;
      try {
        recordPassed(dir, milestone, report.isolation);
      } catch (error) {
        // The page already shows the pass (and keeps it in progress): say here what did not happen.
        console.error(
          `workbook: the ${milestone} pass of ${dir} could not be written to its workbook.project.json (${(error as Error).message}); make the file writable and check again.`,
        );
      }
    },
    regrade: (milestone, archive, onEvent, signal) =>
      regradeProjectArchive({ repo: root, milestone, archive, onEvent, signal }),
  });
}

/**
 * The last known problem of a service (undefined: it answers), re-checked in the background at most
 * every `everyMs` when read, so a health answer never waits on a slow service and a Redis started
 * after `npm start` is noticed within seconds.
 */
export function watchService(check: () => Promise<string | undefined>, everyMs = 5_000) {
  let problem: string | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let pending: Promise<void> | undefined;
  const refresh = () =>
    (pending ??= check()
      .then((p) => {
        problem = p;
        checkedAt = Date.now();
      })
      .finally(() => {
        pending = undefined;
      }));
  return {
    refresh,
    current(): string | undefined {
      if (Date.now() - checkedAt >= everyMs) void refresh();
      return problem;
    },
  };
}
