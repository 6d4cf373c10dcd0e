import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

const HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
};

/** Security headers on every response. */
export function securityHeaders(): Middleware {
  return (_req, res, next) => {
    for (const [name, value] of Object.entries(HEADERS)) res.setHeader(name, value);
    res.removeHeader('X-Powered-By');
    next();
  };
}

/** Sets a fresh CSRF token cookie (readable by the page, never sent cross-site) and returns it. */
export function issueCsrfToken(res: ServerResponse): string {
  const token = randomBytes(32).toString('base64url');
  res.appendHeader('Set-Cookie', `csrf=${token}; Path=/; SameSite=Strict; Secure`);
  return token;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function cookies(req: IncomingMessage): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) jar.set(part.slice(0, at).trim(), decodeURIComponent(part.slice(at + 1).trim()));
  }
  return jar;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Double-submit CSRF check for state-changing requests that carry a session cookie. */
export function csrfProtection(): Middleware {
  return (req, res, next) => {
    const jar = cookies(req);
    // Only ambient credentials can be forged; Bearer-token clients are not at risk.
    if (!UNSAFE_METHODS.has(req.method ?? 'GET') || !jar.has('session')) return next();
    const header = req.headers['x-csrf-token'];
    const cookie = jar.get('csrf');
    if (typeof header === 'string' && cookie !== undefined && cookie !== '' && sameToken(header, cookie)) return next();
    res.statusCode = 403;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ code: 'AUTH.CSRF', message: 'Missing or wrong X-CSRF-Token: send the value of the csrf cookie in the X-CSRF-Token header.' }));
  };
}
