import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

export const COMPRESSION_THRESHOLD = 1024;

/** Writes `body` as JSON, compressed when the client accepts it and the body is large enough. */
export function sendJson(req: IncomingMessage, res: ServerResponse, body: unknown, options: { threshold?: number } = {}): void {
  const json = Buffer.from(JSON.stringify(body));
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  // TODO: always gzip, whatever the client said and however small the body.
  const gz = gzipSync(json);
  res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('Content-Length', gz.length);
  res.end(gz);
}
