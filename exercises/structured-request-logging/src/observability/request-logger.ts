import type { IncomingMessage, ServerResponse } from 'node:http';

export const SENSITIVE_KEYS = [
  'authorization', 'cookie', 'set-cookie', 'password', 'token', 'access_token', 'refresh_token', 'secret', 'api_key', 'x-api-key',
] as const;

/** A deep copy of `value` with sensitive keys replaced by '[REDACTED]' and cycles by '[Circular]'. */
export function redact(value: unknown): unknown {
  throw new Error('Not implemented: redact');
}

export interface RequestLoggerOptions {
  /** Receives one complete JSON line (ending in "\n") per request. */
  write: (line: string) => void;
  now: () => number;
  newId: () => string;
}

export type Middleware = (req: IncomingMessage & { id?: string }, res: ServerResponse, next: () => void) => void;

/** Middleware that assigns request ids and logs one structured line per finished request. */
export function createRequestLogger(options: RequestLoggerOptions): Middleware {
  return (req, res, next) => {
    // TODO: choose the request id, set X-Request-Id and req.id, and write one JSON line on 'finish'.
    void [req, res, options];
    next();
  };
}
