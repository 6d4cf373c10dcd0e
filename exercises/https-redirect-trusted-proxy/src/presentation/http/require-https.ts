import type { IncomingMessage, ServerResponse } from 'node:http';

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

export interface RequireHttpsOptions {
  /** Addresses of the load balancers allowed to set X-Forwarded-Proto. */
  trustedProxies: readonly string[];
  /** The host name clients should use, e.g. "tasks.example.com". */
  publicHost: string;
}

export function requireHttps(options: RequireHttpsOptions): Middleware {
  return (req, res, next) => {
    // TODO: trusts the header from anyone and redirects to the client's own Host.
    if (req.headers['x-forwarded-proto'] === 'https') return next();
    res.statusCode = 301;
    res.setHeader('Location', `https://${req.headers.host}${req.url}`);
    res.end();
  };
}
