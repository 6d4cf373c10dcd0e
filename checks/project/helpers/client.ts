// The acceptance suites' only way into the learner's service: real HTTP to the address the
// grader gives (PROJECT_URL). Nothing here imports the service; any design that honours the
// contract passes. Failure messages name the request, what came back, and what the contract says.
import { createHmac, randomUUID } from 'node:crypto';

export const baseUrl = (): string => {
  const url = process.env['PROJECT_URL'];
  if (!url) throw new Error('PROJECT_URL is not set: the acceptance suites run through `workbook project check`.');
  return url;
};

export interface Answer {
  method: string;
  path: string;
  status: number;
  headers: Headers;
  /** The JSON body, or undefined when the body is empty or not JSON. */
  body: any;
  text: string;
}

/** The most of an answer's body the suites read: the contract's answers are small. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The answer's body as text, read up to MAX_BODY_BYTES: a service streaming megabytes (or without
 * end, within the request's time limit) must not fill the grader's memory. Past it, the text says so.
 */
export async function readBody(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks).toString('utf8');
    chunks.push(value);
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      return `(a body of more than ${MAX_BODY_BYTES / 1024 / 1024} MB, not read to its end: the contract's answers are small)`;
    }
  }
}

let authRequests = 0;

/** How many /auth/* requests this run's suite has sent so far (M3's rate limit allows 10 a minute). */
export const authRequestsSent = (): number => authRequests;

export async function call(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  if (path.startsWith('/auth/')) authRequests++;
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${baseUrl()}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new Error(
      `${method} ${path} got no answer (${(error as Error).message}); is the service still running? Its output is shown above the checks.`,
    );
  }
  const text = await readBody(response);
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { method, path, status: response.status, headers: response.headers, body, text };
}

/** "404 TASK.NOT_FOUND" or "200" – what an answer said, in the contract's words. */
function said(answer: Answer): string {
  const code = typeof answer.body?.code === 'string' ? ` ${answer.body.code}` : '';
  return `${answer.status}${code}`;
}

/** Fails unless the answer has this status (and error code, when given). */
export function expectStatus(answer: Answer, status: number, code?: string, rule = ''): void {
  const okStatus = answer.status === status;
  const okCode = code === undefined || answer.body?.code === code;
  if (okStatus && okCode) return;
  const wanted = `${status}${code ? ` with code ${code}` : ''}`;
  const shown = answer.text.length > 300 ? `${answer.text.slice(0, 300)}…` : answer.text;
  throw new Error(
    `${answer.method} ${answer.path}${rule ? ` ${rule}` : ''} answered ${said(answer)}; the contract says ${wanted}.${shown ? `\nBody: ${shown}` : ''}`,
  );
}

/** Fails unless the answer is `{ statusCode, code, message }` with statusCode equal to its status. */
export function expectErrorFormat(answer: Answer, what: string): void {
  const b = answer.body;
  contract(
    b && b.statusCode === answer.status && typeof b.code === 'string' && b.code.length > 0 && typeof b.message === 'string',
    `${what} answered ${answer.status} ${answer.text.slice(0, 200)}; the contract says every error is JSON { statusCode: ${answer.status}, code: "<AREA.REASON>", message: "<what to do>" }.`,
  );
}

/** Fails with `message` unless `condition` holds. */
export function contract(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): boolean => typeof value === 'string' && UUID.test(value);

export interface Member {
  id: string;
  email: string;
  token: string;
}

/** Registers and logs in a fresh member (a unique email per run: databases may persist). */
export async function newMember(label: string): Promise<Member> {
  const email = `${label}-${randomUUID().slice(0, 8)}@example.com`;
  const password = 'correct horse battery';
  const registered = await call('POST', '/auth/register', { body: { email, name: label, password } });
  expectStatus(registered, 201);
  const login = await call('POST', '/auth/login', { body: { email, password } });
  expectStatus(login, 200);
  contract(typeof login.body?.accessToken === 'string', `POST /auth/login answered ${login.text}; the contract says { accessToken }.`);
  return { id: registered.body.id, email, token: login.body.accessToken };
}

/**
 * Forgeries that read like the real thing: a token's own claims (whatever the service names them),
 * re-signed with a secret that is not JWT_SECRET, and the same claims unsigned ("alg": "none").
 * A service that decodes a token without verifying its signature accepts both.
 */
export function forgeries(token: string): Array<[label: string, token: string]> {
  const claims = token.split('.')[1];
  contract(claims, 'The set-up for this check failed: POST /auth/login gave no accessToken of three dot-separated parts (a JWT).');
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const hs256 = `${part({ alg: 'HS256', typ: 'JWT' })}.${claims}`;
  const signature = createHmac('sha256', 'not-the-jwt-secret').update(hs256).digest('base64url');
  return [
    ["a real token's claims signed with another secret", `${hs256}.${signature}`],
    ["a real token's claims unsigned (alg none)", `${part({ alg: 'none', typ: 'JWT' })}.${claims}.`],
  ];
}
