import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

export interface RequireHttpsOptions {
  /** Addresses of the load balancers allowed to set X-Forwarded-Proto. */
  trustedProxies: readonly string[];
  /** The host name clients should use, e.g. "tasks.example.com". */
  publicHost: string;
}

const HSTS = 'max-age=31536000; includeSubDomains';

/** '::ffff:10.0.0.5' (an IPv4 peer on a dual-stack socket) → '10.0.0.5'. */
function normalise(address: string | undefined): string {
  return (address ?? '').replace(/^::ffff:/i, '');
}

function isSecure(req: IncomingMessage, trusted: ReadonlySet<string>): boolean {
  if ((req.socket as Partial<TLSSocket>).encrypted) return true;
  // The header is client input unless a proxy we run put it there.
  if (!trusted.has(normalise(req.socket.remoteAddress))) return false;
  const header = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase();
  return first === 'https';
}

/** Lets HTTPS through with HSTS; redirects insecure page loads and refuses insecure writes. */
export function requireHttps(options: RequireHttpsOptions): Middleware {
  const trusted = new Set(options.trustedProxies.map(normalise));
  return (req, res, next) => {
    if (isSecure(req, trusted)) {
      res.setHeader('Strict-Transport-Security', HSTS);
      next();
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      res.statusCode = 308;
      res.setHeader('Location', `https://${options.publicHost}${req.url ?? '/'}`);
      res.end();
      return;
    }
    res.statusCode = 403;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ code: 'HTTPS.REQUIRED', message: `Use https://${options.publicHost}; requests that change data are refused over plain HTTP.` }));
  };
}
