import type { IncomingMessage, ServerResponse } from 'node:http';

export const SENSITIVE_KEYS = [
  'authorization', 'cookie', 'set-cookie', 'password', 'token', 'access_token', 'refresh_token', 'secret', 'api_key', 'x-api-key',
] as const;

const SENSITIVE = new Set<string>(SENSITIVE_KEYS);
const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A deep copy of `value` with sensitive keys replaced by '[REDACTED]' and cycles by '[Circular]'. */
export function redact(value: unknown, ancestors: WeakSet<object> = new WeakSet()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (ancestors.has(value)) return '[Circular]';
  ancestors.add(value);
  const copy = Array.isArray(value)
    ? value.map((item) => redact(item, ancestors))
    : Object.fromEntries(
        Object.entries(value).map(([key, v]) => [key, SENSITIVE.has(key.toLowerCase()) ? '[REDACTED]' : redact(v, ancestors)]),
      );
  ancestors.delete(value);
  return copy;
}

export interface RequestLoggerOptions {
  /** Receives one complete JSON line (ending in "\n") per request. */
  write: (line: string) => void;
  now: () => number;
  newId: () => string;
}

export type Middleware = (req: IncomingMessage & { id?: string }, res: ServerResponse, next: () => void) => void;

const levelFor = (status: number) => (status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info');

/** Middleware that assigns request ids and logs one structured line per finished request. */
export function createRequestLogger(options: RequestLoggerOptions): Middleware {
  return (req, res, next) => {
    const started = options.now();
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : options.newId();
    req.id = requestId;
    res.setHeader('X-Request-Id', requestId);
    res.once('finish', () => {
      const ended = options.now();
      const entry = {
        time: new Date(ended).toISOString(),
        level: levelFor(res.statusCode),
        msg: 'request completed',
        requestId,
        method: req.method,
        path: (req.url ?? '/').split('?')[0],
        status: res.statusCode,
        durationMs: ended - started,
        headers: redact(req.headers),
      };
      options.write(`${JSON.stringify(entry)}\n`);
    });
    next();
  };
}
