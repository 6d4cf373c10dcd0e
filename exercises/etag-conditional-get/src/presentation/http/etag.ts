import type { IncomingMessage, ServerResponse } from 'node:http';

/** Sends `body` as JSON with an ETag; answers 304 when the client already has this version. */
export function sendJsonWithEtag(req: IncomingMessage, res: ServerResponse, body: unknown): void {
  const json = JSON.stringify(body);
  // TODO: a tag that changes on every request, and If-None-Match is ignored.
  res.setHeader('ETag', String(Date.now()));
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(json);
}
