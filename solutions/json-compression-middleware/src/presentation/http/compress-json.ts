import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, gzipSync } from 'node:zlib';

export const COMPRESSION_THRESHOLD = 1024;

/** q-value of `encoding` in an Accept-Encoding header (0 = not acceptable). */
function quality(header: string, encoding: string): number {
  let star: number | undefined;
  for (const part of header.split(',')) {
    const [rawName, ...params] = part.trim().split(';');
    const name = (rawName ?? '').trim().toLowerCase();
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (name === encoding) return Number.isFinite(q) ? q : 0;
    if (name === '*') star = Number.isFinite(q) ? q : 0;
  }
  return star ?? 0;
}

/** Writes `body` as JSON, compressed when the client accepts it and the body is large enough. */
export function sendJson(req: IncomingMessage, res: ServerResponse, body: unknown, options: { threshold?: number } = {}): void {
  const json = Buffer.from(JSON.stringify(body));
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  // Whether or not this answer is compressed, it depends on Accept-Encoding.
  res.setHeader('Vary', 'Accept-Encoding');
  const accept = String(req.headers['accept-encoding'] ?? '');
  let payload = json;
  if (json.length >= (options.threshold ?? COMPRESSION_THRESHOLD)) {
    if (quality(accept, 'br') > 0) {
      payload = brotliCompressSync(json);
      res.setHeader('Content-Encoding', 'br');
    } else if (quality(accept, 'gzip') > 0) {
      payload = gzipSync(json);
      res.setHeader('Content-Encoding', 'gzip');
    }
  }
  res.setHeader('Content-Length', payload.length);
  res.end(payload);
}
