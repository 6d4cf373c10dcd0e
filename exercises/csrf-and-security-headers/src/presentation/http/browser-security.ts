import type { IncomingMessage, ServerResponse } from 'node:http';

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** Security headers on every response. */
export function securityHeaders(): Middleware {
  return (_req, res, next) => {
    // TODO: only one of the headers.
    res.setHeader('X-Frame-Options', 'DENY');
    next();
  };
}

/** Sets a fresh CSRF token cookie and returns the token. */
export function issueCsrfToken(res: ServerResponse): string {
  const token = String(Date.now());
  res.setHeader('Set-Cookie', `csrf=${token}; Path=/; HttpOnly`);
  return token;
}

/** Double-submit CSRF check for state-changing requests that carry a session cookie. */
export function csrfProtection(): Middleware {
  return (_req, _res, next) => {
    // TODO: nothing is checked.
    next();
  };
}
