import type { Actor } from '../../domain/user/actor.js';

/*
 * The few parts of Express's request and response this layer touches. Declared here rather
 * than importing Express's types, which keeps controllers independent of the HTTP platform.
 */

export interface HttpRequest {
  headers: Record<string, string | string[] | undefined>;
  ip?: string | undefined;
  method: string;
  url: string;
  /** Set by JwtAuthGuard once the access token checked out. */
  actor?: Actor;
}

export interface HttpResponse {
  headersSent: boolean;
  status(code: number): HttpResponse;
  json(body: unknown): void;
  setHeader(name: string, value: string | number): void;
}
