// Headers on every response. COOP + COEP make the page cross-origin isolated (the in-browser
// runtime needs SharedArrayBuffer); CORP and the CSP keep every resource on this one origin.

import { createHash } from 'node:crypto';

/**
 * Content-Security-Policy: same origin only; wasm for Pagefind, inline styles for Astro. Scripts
 * never run inline unless the page's own inline scripts are named by hash (`scriptHashes`, computed
 * from the page being served): an injected `<script>` — say, from report text that escaped its
 * text node — is then blocked, so the CSP is a real backstop rather than a formality.
 */
export function contentSecurityPolicy(scriptHashes: readonly string[] = [], extraScriptSources = ''): string {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((h) => ` '${h}'`).join('')}${extraScriptSources} 'wasm-unsafe-eval'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "frame-ancestors 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The policy for responses without inline scripts (everything but HTML pages). */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/**
 * The browser engine's grading worker (`<base>sandbox/worker.js`) links the checks and the learner's
 * compiled modules through `blob:` URLs (src/sandbox/module-linker.ts), so its own policy — a worker
 * runs under the CSP of its script's response, not the page's — also allows `blob:` scripts. Only
 * that one file gets it: pages keep `script-src` without `blob:`, and the worker has already removed
 * fetch and the other network APIs before any learner code is imported.
 */
export const WORKER_CONTENT_SECURITY_POLICY = contentSecurityPolicy([], ' blob:');

/** Whether a served file (its path inside the built site, `/`-separated) is the browser engine's grading worker. */
export const isGradingWorker = (sitePath: string): boolean => sitePath === 'sandbox/worker.js';

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
/** Data blocks are not run, so they need no hash. */
const DATA_TYPE = /\btype\s*=\s*["']?(?:application\/(?:ld\+)?json|text\/(?:plain|template))/i;

/** `sha256-…` sources for every inline script of an HTML page, in the form CSP compares (exact text). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attrs = '', body = ''] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attrs) || DATA_TYPE.test(attrs)) continue;
    hashes.add(`sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`);
  }
  return [...hashes];
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** Content types by lower-case extension; anything else is served as application/octet-stream. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  // The capstone skeleton download (src/pages/capstone/my-task-service.tar.gz.ts).
  '.gz': 'application/gzip',
  // Pagefind's index files are binary chunks fetched by its own loader.
  '.pagefind': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
};
