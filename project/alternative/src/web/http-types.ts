import type { IncomingMessage, ServerResponse } from 'node:http';

// The few parts of Express's request and response this service uses (the skeleton pins no @types/express).
export interface Req extends IncomingMessage {
  ip?: string;
  userId?: string;
}

export interface Res extends ServerResponse {
  status(code: number): Res;
  json(body: unknown): Res;
}

export type Next = (error?: unknown) => void;
