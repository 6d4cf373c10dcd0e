import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A strong tag for these exact bytes. */
function etagOf(json: string): string {
  return `"${createHash('sha256').update(json).digest('base64url')}"`;
}

/** True when If-None-Match names `etag` (weak comparison) or is "*". */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/** Sends `body` as JSON with an ETag; answers 304 when the client already has this version. */
export function sendJsonWithEtag(req: IncomingMessage, res: ServerResponse, body: unknown): void {
  const json = JSON.stringify(body);
  const etag = etagOf(json);
  res.setHeader('ETag', etag);
  // Keep a copy, but ask every time: the task may have changed.
  res.setHeader('Cache-Control', 'private, no-cache');
  if (matches(req.headers['if-none-match'], etag)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(json);
}
