// Serves a built Astro site (build.format "directory") from one folder, never outside it.
import { createReadStream, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import {
  CONTENT_TYPES,
  contentSecurityPolicy,
  inlineScriptHashes,
  isGradingWorker,
  WORKER_CONTENT_SECURITY_POLICY,
} from './headers.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface StaticOptions {
  /** The built site folder. */
  root: string;
  /** Rewrites every HTML page before sending (e.g. to fill in a per-process token for a trusted Host). */
  transformHtml?: ((html: string, req: IncomingMessage) => string) | undefined;
}

async function fileAt(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

/** Inline-script hashes per built page, recomputed when the file changes (a rebuild). */
const pageHashes = new Map<string, { stamp: string; hashes: string[] }>();

async function scriptHashesOf(path: string, info: Stats): Promise<string[]> {
  const stamp = `${info.size}:${info.mtimeMs}`;
  const held = pageHashes.get(path);
  if (held?.stamp === stamp) return held.hashes;
  const hashes = inlineScriptHashes(await readFile(path, 'utf8'));
  pageHashes.set(path, { stamp, hashes });
  return hashes;
}

async function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  path: string,
  info: Stats,
  options: StaticOptions,
): Promise<void> {
  const type = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  if (options.transformHtml && type.startsWith('text/html')) {
    // Transformed pages vary per process, so they are sent whole and never cached.
    const html = options.transformHtml(await readFile(path, 'utf8'), req);
    const body = Buffer.from(html);
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(inlineScriptHashes(html)));
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  const etag = `W/"${info.size.toString(16)}-${Math.trunc(info.mtimeMs).toString(16)}"`;
  // A page's own inline scripts may run (by hash); nothing else inline may.
  if (type.startsWith('text/html'))
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(await scriptHashesOf(path, info)));
  else if (isGradingWorker(relative(options.root, path).split(sep).join('/')))
    res.setHeader('Content-Security-Policy', WORKER_CONTENT_SECURITY_POLICY);
  res.setHeader('Content-Type', type);
  // Hashed build assets never change; everything else is revalidated so a rebuild shows at once.
  res.setHeader('Cache-Control', status === 200 && req.url?.startsWith('/_astro/') ? IMMUTABLE : 'no-cache');
  if (status === 200) {
    res.setHeader('ETag', etag);
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304).end();
      return;
    }
  }
  res.setHeader('Content-Length', info.size);
  res.writeHead(status);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(path)
    .on('error', (error) => res.destroy(error))
    .pipe(res);
}

/** Responds with the 404 page (or a plain message when the build has none). */
export async function sendNotFound(req: IncomingMessage, res: ServerResponse, options: StaticOptions): Promise<void> {
  const page = join(options.root, '404.html');
  const info = await fileAt(page);
  if (info?.isFile()) return send(req, res, 404, page, info, options);
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
  res.end(`Not found: ${req.url ?? '/'}\n`);
}

/** Serves GET/HEAD requests for files under `root`; directories serve their index.html. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, options: StaticOptions): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`Method ${req.method ?? ''} is not allowed here; use GET or HEAD\n`);
    return;
  }
  // Parsed as a path under a fixed origin: `//host/x` must stay the path `//host/x`, not name a host.
  const url = new URL(`http://localhost${(req.url ?? '/').startsWith('/') ? '' : '/'}${req.url ?? ''}`);
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Bad request: the path is not valid percent-encoding\n');
    return;
  }
  const base = resolve(options.root);
  const target = resolve(base, `.${pathname}`);
  if (pathname.includes('\0') || (target !== base && !target.startsWith(base + sep)))
    return sendNotFound(req, res, options);

  const info = await fileAt(target);
  if (info?.isDirectory()) {
    if (!pathname.endsWith('/')) {
      // Astro links use trailing slashes; redirect so relative URLs resolve the same way. The
      // Location is rebuilt from the resolved folder, never echoed: a path such as `/.//evil.example`
      // would otherwise become `//evil.example/`, a redirect to another host (open redirect).
      res.writeHead(301, { Location: redirectTarget(base, target, url.search) }).end();
      return;
    }
    const index = join(target, 'index.html');
    const indexInfo = await fileAt(index);
    if (indexInfo?.isFile()) return send(req, res, 200, index, indexInfo, options);
    return sendNotFound(req, res, options);
  }
  if (info?.isFile()) return send(req, res, 200, target, info, options);
  return sendNotFound(req, res, options);
}

/** `/<folder relative to root>/<query>`: always one leading slash, so it can never name another host. */
export function redirectTarget(base: string, folder: string, search: string): string {
  const segments = relative(base, folder)
    .split(sep)
    .filter((s) => s !== '');
  const path = `/${segments.map(encodeURIComponent).join('/')}/`.replace(/^\/+/, '/');
  return `${path}${search}`;
}
