// The local engine: the server started by `npm start` grades through POST /api/grade and streams
// GradeEvents as NDJSON. The page proves it belongs to that server with the per-process token the
// server writes into the HTML it serves.
import {
  apiErrorSchema,
  GRADE_PATH,
  HEALTH_PATH,
  type HealthResponse,
  healthResponseSchema,
  PROJECT_CHECK_PATH,
  PROJECT_REGRADE_PATH,
  type ProjectCheckRequest,
  type ProjectRegradeRequest,
  TOKEN_HEADER,
} from '../schemas/grade-api.ts';
import type { CheckReport, GradeRequest } from '../schemas/report.ts';
import { EngineError, type Engine, type EngineErrorCode, type EngineGradeOptions } from './engine.ts';
import { decodeText, readGradeEvents } from './ndjson.ts';

/** How a local server that answers but cannot grade is reported (the page shows it as is). */
export const LOCAL_PROBLEM = 'The local grader cannot run checks: ';

export interface LocalEngineOptions {
  /** Base URL of the workbook server; the page's own origin in the browser. */
  baseUrl: string;
  /** The token the server wrote into the page (meta name="workbook-token"). */
  token: string;
  fetch?: typeof fetch;
}

const STATUS_CODES: Record<number, EngineErrorCode> = {
  400: 'bad-request',
  403: 'forbidden',
  404: 'not-found',
  413: 'too-large',
};

/** Creates the engine that grades through the local server's guarded API. */
export function createLocalEngine(options: LocalEngineOptions): Engine {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const url = new URL(GRADE_PATH, options.baseUrl).href;
  return {
    name: 'local',
    label: 'Local grader (npm start)',
    grade: (request: GradeRequest, grading: EngineGradeOptions = {}): Promise<CheckReport> =>
      postForEvents(doFetch, url, options.token, request, grading, 'The local grader refused the run'),
  };
}

/** "Check milestone": runs a capstone milestone's suite against a project folder through the local server. */
export function checkProjectLocally(
  options: LocalEngineOptions,
  request: ProjectCheckRequest,
  grading: EngineGradeOptions = {},
): Promise<CheckReport> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const url = new URL(PROJECT_CHECK_PATH, options.baseUrl).href;
  return postForEvents(doFetch, url, options.token, request, grading, 'The workbook server refused the check');
}

/** A mentor's re-grade of a report's project archive through the local server (it refuses without bubblewrap). */
export function regradeProjectLocally(
  options: LocalEngineOptions,
  request: ProjectRegradeRequest,
  grading: EngineGradeOptions = {},
): Promise<CheckReport> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const url = new URL(PROJECT_REGRADE_PATH, options.baseUrl).href;
  return postForEvents(doFetch, url, options.token, request, grading, 'The workbook server refused the re-grade');
}

/** POSTs a JSON request with the page token and reads the NDJSON GradeEvents it answers. */
async function postForEvents(
  doFetch: typeof fetch,
  url: string,
  token: string,
  body: unknown,
  { signal, onEvent }: EngineGradeOptions,
  refused: string,
): Promise<CheckReport> {
  let response: Response;
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(body),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    throw toEngineError(error, signal);
  }
  if (!response.ok || !response.body) {
    const detail = await response.text().then(readErrorMessage, () => '');
    const code = STATUS_CODES[response.status] ?? 'failed';
    throw new EngineError(code, `${refused} (HTTP ${response.status}): ${detail || response.statusText}`);
  }
  try {
    return await readGradeEvents(decodeText(response.body), { signal, onEvent });
  } catch (error) {
    throw toEngineError(error, signal);
  }
}

/**
 * Asks the local server whether it can grade: true when it can, false when nothing answers within
 * `timeoutMs`, or the server's own explanation when it answers but cannot grade (e.g. a broken catalog).
 */
export async function probeLocalServer(
  baseUrl: string,
  options: {
    timeoutMs?: number;
    fetch?: typeof fetch;
    signal?: AbortSignal;
    /** Receives the server's health answer when it can grade (it names missing infrastructure). */
    onHealth?: (health: HealthResponse) => void;
  } = {},
): Promise<boolean | string> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const signals = [AbortSignal.timeout(options.timeoutMs ?? 1500), ...(options.signal ? [options.signal] : [])];
  try {
    const response = await doFetch(new URL(HEALTH_PATH, baseUrl).href, {
      signal: AbortSignal.any(signals),
      cache: 'no-store',
    });
    const body: unknown = await response.json().catch(() => undefined);
    // Anything else answering on this port (another app, an old server) is no grader.
    if (response.ok) {
      const health = healthResponseSchema.safeParse(body);
      if (health.success) options.onHealth?.(health.data);
      return health.success;
    }
    const refusal = apiErrorSchema.safeParse(body);
    return refusal.success ? `${LOCAL_PROBLEM}${refusal.data.error}` : false;
  } catch {
    return false;
  }
}

function readErrorMessage(text: string): string {
  try {
    const body = apiErrorSchema.safeParse(JSON.parse(text));
    return body.success ? body.data.error : text;
  } catch {
    return text.slice(0, 300);
  }
}

function toEngineError(error: unknown, signal: AbortSignal | undefined): EngineError {
  if (error instanceof EngineError) return error;
  if (signal?.aborted) return new EngineError('aborted', 'The run was cancelled.', { cause: error });
  return new EngineError(
    'unavailable',
    'The local grader stopped answering. Is `npm start` still running? Restart it and run the checks again.',
    { cause: error },
  );
}
