import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRequestLogger, redact } from '../src/observability/request-logger.js';

const lines: string[] = [];
let clock = 0;
let ids = 0;
let server: Server;
let base: string;

beforeAll(async () => {
  const logger = createRequestLogger({
    write: (line) => lines.push(line),
    now: () => clock,
    newId: () => `gen-${++ids}`,
  });
  server = createServer((req, res) => {
    logger(req, res, () => {
      const url = req.url ?? '/';
      clock += 125; // the handler "takes" 125 ms
      const exact = /^\/status\/(\d{3})$/.exec(url);
      const status = exact ? Number(exact[1]) : url.startsWith('/missing') ? 404 : url.startsWith('/boom') ? 500 : 200;
      res.statusCode = status;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ seenId: (req as { id?: string }).id ?? null }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

beforeEach(() => {
  lines.length = 0;
  clock = Date.parse('2026-05-04T10:00:00.000Z');
});

async function call(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, { headers });
  const body = (await res.json()) as { seenId: string | null };
  await new Promise((r) => setTimeout(r, 20)); // let 'finish' fire
  return { res, body };
}
const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

describe('request logger middleware', () => {
  it('writes exactly one JSON line per request with method, path, status, level and duration', async () => {
    await call('/tasks?page=2');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n'), 'each entry is one line ending in a newline').toBe(true);
    expect(lines[0]!.trimEnd()).not.toContain('\n');
    expect(parsed()[0]).toMatchObject({ level: 'info', msg: 'request completed', method: 'GET', path: '/tasks', status: 200, durationMs: 125 });
    expect(parsed()[0]!['time']).toBe('2026-05-04T10:00:00.125Z');
  });

  it('logs 4xx as warn and 5xx as error', async () => {
    await call('/missing');
    await call('/boom');
    expect(parsed().map((e) => [e['status'], e['level']])).toEqual([[404, 'warn'], [500, 'error']]);
  });

  it('switches level exactly at 400 and at 500 (399 info, 400 warn, 499 warn, 500 error)', async () => {
    for (const status of [399, 400, 499, 500]) await call(`/status/${status}`);
    expect(parsed().map((e) => `${e['status']}:${e['level']}`)).toEqual(['399:info', '400:warn', '499:warn', '500:error']);
  });

  it('keeps an incoming X-Request-Id of exactly 64 characters and replaces one of 65', async () => {
    const sixtyFour = 'a'.repeat(64);
    expect((await call('/tasks', { 'x-request-id': sixtyFour })).res.headers.get('x-request-id')).toBe(sixtyFour);
    expect((await call('/tasks', { 'x-request-id': `${sixtyFour}b` })).res.headers.get('x-request-id')).toMatch(/^gen-\d+$/);
  });

  it('generates a request id, returns it in X-Request-Id and exposes it to the handler', async () => {
    const { res, body } = await call('/tasks');
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^gen-\d+$/);
    expect(body.seenId).toBe(id);
    expect(parsed()[0]!['requestId']).toBe(id);
  });

  it('keeps a safe incoming X-Request-Id and replaces an unsafe one', async () => {
    const kept = await call('/tasks', { 'x-request-id': 'abc-123.XYZ_9' });
    expect(kept.res.headers.get('x-request-id')).toBe('abc-123.XYZ_9');
    const replaced = await call('/tasks', { 'x-request-id': 'evil"}\\n{"level":"info' });
    expect(replaced.res.headers.get('x-request-id')).toMatch(/^gen-\d+$/);
    expect(parsed().map((e) => e['requestId'])).toEqual(['abc-123.XYZ_9', replaced.res.headers.get('x-request-id')]);
  });

  it('never writes the Authorization header, cookies, API keys or query-string tokens to the log', async () => {
    await call('/tasks?access_token=query-secret-123', {
      Authorization: 'Bearer header-secret-456',
      Cookie: 'session=cookie-secret-789',
      'X-Api-Key': 'key-secret-000',
      'User-Agent': 'checks',
    });
    const line = lines.join('');
    for (const secret of ['query-secret-123', 'header-secret-456', 'cookie-secret-789', 'key-secret-000']) expect(line).not.toContain(secret);
    const headers = parsed()[0]!['headers'] as Record<string, unknown>;
    expect(headers['authorization']).toBe('[REDACTED]');
    expect(headers['user-agent'], 'harmless headers stay readable').toBe('checks');
  });
});

describe('redact', () => {
  it('redacts sensitive keys at any depth and in any case, without modifying the input', () => {
    const input = { user: { name: 'ann', Password: 'p1' }, items: [{ token: 't1' }, { API_KEY: 'k1', note: 'ok' }], Secret: 's' };
    const snapshot = structuredClone(input);
    expect(redact(input)).toEqual({
      user: { name: 'ann', Password: '[REDACTED]' },
      items: [{ token: '[REDACTED]' }, { API_KEY: '[REDACTED]', note: 'ok' }],
      Secret: '[REDACTED]',
    });
    expect(input).toEqual(snapshot);
  });

  it('redacts every listed key, and only keys with exactly those names', () => {
    const listed = ['authorization', 'cookie', 'set-cookie', 'password', 'token', 'access_token', 'refresh_token', 'secret', 'api_key', 'x-api-key'];
    const input = Object.fromEntries(listed.map((key) => [key.toUpperCase(), `value of ${key}`]));
    const out = redact({ ...input, tokens_used: 3, password_hint: 'pet name', secretary: 'ann' }) as Record<string, unknown>;
    for (const key of listed) expect(out[key.toUpperCase()], key).toBe('[REDACTED]');
    expect(out, 'keys that merely contain a listed name stay readable').toMatchObject({ tokens_used: 3, password_hint: 'pet name', secretary: 'ann' });
  });

  it('replaces circular references instead of overflowing the stack', () => {
    const node: Record<string, unknown> = { name: 'loop' };
    node['self'] = node;
    expect(redact(node)).toEqual({ name: 'loop', self: '[Circular]' });
    const shared = { a: 1 };
    expect(redact({ x: shared, y: shared }), 'the same object twice is not a cycle').toEqual({ x: { a: 1 }, y: { a: 1 } });
  });
});
