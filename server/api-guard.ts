// The guard every local API route shares. These routes run code (learner code, an intern's
// service), so a request must prove it comes from a page this very process served: the Host is our
// own loopback host:port (DNS rebinding), any Origin is our own and the fetch is same-origin
// (another site's page), and the per-process token we wrote into the HTML is present.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { type ApiError, type HealthResponse, TOKEN_HEADER } from '../src/schemas/grade-api.ts';

export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export interface ApiGuard {
  /** True when the request names this server's own Host. */
  isOwnHost(req: Pick<IncomingMessage, 'headers'>): boolean;
  /** Throws a 403 HttpError unless the request comes from a page this server served (and carries the token). */
  check(req: IncomingMessage, needsToken: boolean): void;
  /** The body as text; a 413 HttpError beyond `limit` bytes (`hint` says what to send instead). */
  readBody(req: IncomingMessage, limit: number, hint: string): Promise<string>;
}

/** A guard for `allowed()` Host values and this process's token. */
export function createApiGuard(allowed: () => readonly string[], token: string): ApiGuard {
  const tokenBytes = Buffer.from(token);
  const isOwnHost = (req: Pick<IncomingMessage, 'headers'>): boolean =>
    allowed().some((h) => h.toLowerCase() === (req.headers.host ?? '').toLowerCase());
  return {
    isOwnHost,
    check(req, needsToken) {
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
    },
    async readBody(req, limit, hint) {
      const declared = Number(req.headers['content-length'] ?? 0);
      const kb = Math.round(limit / 1024);
      if (declared > limit)
        throw new HttpError(
          413,
          `The request body is ${declared} bytes; the limit is ${limit} bytes (${kb} KB). ${hint}`,
        );
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limit) throw new HttpError(413, `The request body exceeds ${limit} bytes (${kb} KB). ${hint}`);
        chunks.push(chunk);
      }
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

/** Parses a JSON body with `schema`; a 400 HttpError names the field, or shows `example` when it is not JSON. */
export function parseJsonBody<T>(text: string, schema: z.ZodType<T>, example: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `The body is not valid JSON (${(error as Error).message}); send ${example}.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(400, `Field "${issue?.path.join('.') || '(body)'}": ${issue?.message ?? 'invalid'}.`);
  }
  return parsed.data;
}

/** Sends a JSON answer; `close` asks the client to drop the connection (after a refused upload). */
export function sendJson(res: ServerResponse, status: number, body: HealthResponse | ApiError, close = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(text);
}

/** Starts an NDJSON event stream; the returned writer drops events once the client has gone. */
export function startEventStream(res: ServerResponse): (event: unknown) => void {
  res.writeHead(200, {
    'content-type': 'application/x-ndjson; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.flushHeaders();
  return (event) => {
    if (!res.destroyed) res.write(`${JSON.stringify(event)}\n`);
  };
}

/** Answers a thrown error: its HttpError status and words, or 500. */
export function sendFailure(res: ServerResponse, error: unknown): void {
  const status = error instanceof HttpError ? error.status : 500;
  const message = error instanceof HttpError ? error.message : `Unexpected error: ${(error as Error).message}`;
  if (!res.headersSent) sendJson(res, status, { error: message }, status === 413 || status === 405);
  else res.end();
}
