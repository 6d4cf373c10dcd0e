// The local grading API: POST /api/grade streams GradeEvents as NDJSON, GET /api/health lets a
// page detect the engine. It runs learner code, so every request must prove it comes from a page
// this very process served: the Host is our own loopback host:port (DNS rebinding), any Origin is
// our own, and the per-process token we wrote into the HTML is present.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CheckReport, GradeEvent, GradeRequest } from '../src/schemas/report.ts';
import { type ApiError, GRADE_PATH, HEALTH_PATH, type HealthResponse, TOKEN_HEADER } from '../src/schemas/grade-api.ts';
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

class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** Creates the guarded grading API around a grader. */
export function createGradeApi(options: GradeApiOptions): GradeApi {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const allowed =
    typeof options.allowedHosts === 'function' ? options.allowedHosts : () => options.allowedHosts as readonly string[];

  const isOwnHost = (req: Pick<IncomingMessage, 'headers'>): boolean =>
    allowed().some((h) => h.toLowerCase() === (req.headers.host ?? '').toLowerCase());

  const guard = (req: IncomingMessage, needsToken: boolean): void => {
    const hosts = new Set(allowed().map((h) => h.toLowerCase()));
    const origins = new Set([...hosts].map((h) => `http://${h}`));
    const host = (req.headers.host ?? '').toLowerCase();
    if (!isOwnHost(req))
      throw new HttpError(
        403,
        `Host "${host}" is not this workbook server (${[...hosts].join(', ')}); open the workbook at the address \`npm start\` printed.`,
      );
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.has(origin.toLowerCase()))
      throw new HttpError(
        403,
        `Origin "${origin}" may not use the local grader; only pages served by this workbook server can.`,
      );
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none')
      throw new HttpError(
        403,
        `A ${site} request may not use the local grader; only pages served by this workbook server can.`,
      );
    if (!needsToken) return;
    const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''));
    if (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes)) {
      throw new HttpError(
        403,
        `Missing or wrong ${TOKEN_HEADER} header. Reload the page served by \`npm start\` (the token changes each time the server starts).`,
      );
    }
  };

  const readBody = async (req: IncomingMessage): Promise<string> => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES)
      throw new HttpError(
        413,
        `The request body is ${declared} bytes; the limit is ${MAX_BODY_BYTES} bytes (256 KB). Send only the exercise's editable files.`,
      );
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES)
        throw new HttpError(
          413,
          `The request body exceeds ${MAX_BODY_BYTES} bytes (256 KB). Send only the exercise's editable files.`,
        );
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  };

  const parseRequest = (text: string): GradeRequest => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new HttpError(
        400,
        `The body is not valid JSON (${(error as Error).message}); send {"exerciseId": "...", "files": {"<path>": "<code>"}}.`,
      );
    }
    const parsed = gradeRequestSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new HttpError(400, `Field "${issue?.path.join('.') || '(body)'}": ${issue?.message ?? 'invalid'}.`);
    }
    const editable = options.exercises.get(parsed.data.exerciseId);
    if (!editable)
      throw new HttpError(404, `Unknown exercise "${parsed.data.exerciseId}"; see /exercises/ for the list.`);
    for (const path of Object.keys(parsed.data.files)) {
      if (!editable.includes(path))
        throw new HttpError(
          400,
          `Field "files.${path}": not an editable file of "${parsed.data.exerciseId}" (editable: ${editable.join(', ')}).`,
        );
    }
    return parsed.data;
  };

  const stream = async (res: ServerResponse, request: GradeRequest): Promise<void> => {
    const controller = new AbortController();
    // A closed connection before the report means the learner cancelled or left: stop the run.
    res.on('close', () => {
      if (!res.writableFinished) controller.abort(new Error('client disconnected'));
    });
    res.writeHead(200, {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.flushHeaders();
    const send = (event: GradeEvent) => {
      if (!res.destroyed) res.write(`${JSON.stringify(event)}\n`);
    };
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
      isOwnHost(req) ? html.replace(TOKEN_META, () => `<meta name="workbook-token" content="${token}">`) : html,
    async handle(req, res) {
      const path = (req.url ?? '/').split('?')[0];
      if (path !== GRADE_PATH && path !== HEALTH_PATH) return false;
      try {
        if (path === HEALTH_PATH) {
          if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Use GET /api/health.');
          guard(req, false);
          const missing = options.missing?.();
          const health: HealthResponse = { ok: true, engine: 'local', exercises: options.exercises.size };
          sendJson(res, 200, missing && Object.keys(missing).length ? { ...health, missing } : health);
          return true;
        }
        if (req.method !== 'POST') throw new HttpError(405, 'Use POST /api/grade with a JSON body.');
        guard(req, true);
        const request = parseRequest(await readBody(req));
        await stream(res, request);
      } catch (error) {
        const status = error instanceof HttpError ? error.status : 500;
        const message = error instanceof HttpError ? error.message : `Unexpected error: ${(error as Error).message}`;
        if (!res.headersSent) sendJson(res, status, { error: message }, status === 413 || status === 405);
        else res.end();
      }
      return true;
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: HealthResponse | ApiError, close = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(text);
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
  return {
    route: (req, res) => api.handle(req, res),
    transformHtml: (html, req) => api.injectToken(html, req),
    close: () => grader.close(),
  };
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
