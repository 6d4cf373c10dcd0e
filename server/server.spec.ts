import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkbookServer, listen, type Route } from './index.ts';

let root: string;
let server: Server;
let base: string;

const apiRoute: Route = (req, res) => {
  if (!req.url?.startsWith('/api/echo')) return false;
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ method: req.method }));
  return true;
};
const failingRoute: Route = async (req) => {
  if (req.url === '/api/boom') throw new Error('boom');
  return false;
};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'workbook-server-'));
  mkdirSync(join(root, 'weeks', '1'), { recursive: true });
  mkdirSync(join(root, '_astro'));
  mkdirSync(join(root, 'pagefind'));
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><title>home</title><script>document.title = "ran";</script><script type="application/json" id="data">{}</script><script type="module" src="/_astro/app.abc123.js"></script>',
  );
  writeFileSync(join(root, 'weeks', '1', 'index.html'), '<!doctype html><title>week 1</title>');
  writeFileSync(join(root, '404.html'), '<!doctype html><title>Page not found</title>');
  writeFileSync(join(root, '_astro', 'app.abc123.js'), 'export {};');
  writeFileSync(join(root, 'pagefind', 'wasm.en.pagefind'), Buffer.from([0, 97, 115, 109]));
  writeFileSync(join(root, 'pagefind', 'pagefind.js'), 'export {};');
  writeFileSync(join(root, 'engine.wasm'), Buffer.from([0, 97, 115, 109]));
  writeFileSync(join(root, 'worker.mjs'), 'export {};');
  mkdirSync(join(root, 'sandbox'));
  writeFileSync(join(root, 'sandbox', 'worker.js'), 'export {};');
  writeFileSync(join(root, 'sandbox', 'pkg-zod.js'), 'export {};');
  writeFileSync(join(tmpdir(), 'workbook-server-secret.txt'), 'secret');
  server = createWorkbookServer({ root, routes: [apiRoute, failingRoute] });
  base = await listen(server, 0, '127.0.0.1');
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(root, { recursive: true, force: true });
});

/** A GET with the path exactly as written (fetch would normalise `//` and `.` segments away). */
function rawGet(path: string): Promise<{ status: number; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const req = httpRequest({ hostname, port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('workbook server', () => {
  it('serves directory indexes as HTML with cross-origin isolation and security headers', async () => {
    const res = await fetch(new URL('/weeks/1/', base));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('week 1');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it("allows no inline script but the page's own, named by hash", async () => {
    const page = await fetch(new URL('/', base));
    const policy = page.headers.get('content-security-policy') ?? '';
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src ')) ?? '';
    const own = createHash('sha256').update('document.title = "ran";').digest('base64');
    expect(scriptSrc).toBe(`script-src 'self' 'sha256-${own}' 'wasm-unsafe-eval'`);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    const asset = await fetch(new URL('/_astro/app.abc123.js', base));
    expect(asset.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });

  it('lets only the grading worker load blob: scripts (it links modules through blob: URLs)', async () => {
    const worker = await fetch(new URL('/sandbox/worker.js', base));
    expect(worker.headers.get('content-security-policy')).toContain("script-src 'self' blob: 'wasm-unsafe-eval'");
    for (const path of ['/', '/sandbox/pkg-zod.js', '/worker.mjs']) {
      const other = await fetch(new URL(path, base));
      expect(other.headers.get('content-security-policy'), path).not.toMatch(/script-src[^;]*blob:/);
    }
  });

  it('redirects a directory without its trailing slash, keeping the query', async () => {
    const res = await fetch(new URL('/weeks/1?x=1', base), { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/weeks/1/?x=1');
  });

  it('never answers with a Location naming another host (no open redirect)', async () => {
    // `/.//weeks` normalises to the path `//weeks`; echoed back it would be the protocol-relative `//weeks/`.
    for (const path of ['/.//weeks', '//weeks', '/.//weeks/1?next=//evil.example', '/%2e//weeks']) {
      const res = await rawGet(path);
      expect(res.status, path).toBe(301);
      expect(res.location, path).toMatch(/^\/[^/\\]/);
    }
    expect((await rawGet('/.//weeks')).location).toBe('/weeks/');
  });

  it.each([
    ['/engine.wasm', 'application/wasm'],
    ['/worker.mjs', 'text/javascript; charset=utf-8'],
    ['/pagefind/wasm.en.pagefind', 'application/octet-stream'],
    ['/pagefind/pagefind.js', 'text/javascript; charset=utf-8'],
  ])('serves %s as %s', async (path, type) => {
    const res = await fetch(new URL(path, base));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    await res.arrayBuffer();
  });

  it('caches hashed build assets for a year and revalidates pages', async () => {
    const asset = await fetch(new URL('/_astro/app.abc123.js', base));
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await fetch(new URL('/', base));
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const again = await fetch(new URL('/', base), { headers: { 'If-None-Match': page.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
  });

  it('answers unknown paths with the 404 page and status 404, still isolated', async () => {
    const res = await fetch(new URL('/no/such/page/', base));
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Page not found');
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
  });

  it('never serves files outside the root, however the path is encoded', async () => {
    for (const path of [
      '/../workbook-server-secret.txt',
      '/%2e%2e/workbook-server-secret.txt',
      '/weeks/%2e%2e/%2e%2e/workbook-server-secret.txt',
    ]) {
      const res = await fetch(new URL(path, base));
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('secret');
    }
    const bad = await fetch(new URL('/%E0%A4%A', base));
    expect(bad.status).toBe(400);
  });

  it('rejects methods other than GET and HEAD on static files, and HEAD has no body', async () => {
    const post = await fetch(new URL('/', base), { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const head = await fetch(new URL('/', base), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('lets plug-in routes answer first, with the same headers, and turns a throwing route into a 500', async () => {
    const res = await fetch(new URL('/api/echo', base), { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ method: 'POST' });
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    const boom = await fetch(new URL('/api/boom', base));
    expect(boom.status).toBe(500);
  });
});

describe('workbook server with an HTML transform', () => {
  it('rewrites HTML pages (uncached) and leaves other files untouched', async () => {
    const transformed = createWorkbookServer({
      root,
      transformHtml: (html) => html.replace('<title>', '<title>token '),
    });
    const url = await listen(transformed, 0, '127.0.0.1');
    try {
      const page = await fetch(new URL('/weeks/1/', url));
      expect(await page.text()).toContain('<title>token week 1</title>');
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
      const missing = await fetch(new URL('/nowhere/', url));
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('<title>token Page not found</title>');
      const seen: string[] = [];
      const byHost = createWorkbookServer({
        root,
        transformHtml: (html, req) => {
          seen.push(req.headers.host ?? '');
          return html;
        },
      });
      const byHostUrl = await listen(byHost, 0, '127.0.0.1');
      await (await fetch(new URL('/', byHostUrl))).text();
      await new Promise<void>((resolve) => byHost.close(() => resolve()));
      expect(seen).toEqual([new URL(byHostUrl).host]);
      const script = await fetch(new URL('/worker.mjs', url));
      expect(await script.text()).toBe('export {};');
    } finally {
      await new Promise<void>((resolve) => transformed.close(() => resolve()));
    }
  });
});
