import { createServer, IncomingMessage, request as httpRequest, ServerResponse, type IncomingHttpHeaders, type Server } from 'node:http';
import { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { requireHttps } from '../src/presentation/http/require-https.js';

// Two servers with the same middleware: one trusts 127.0.0.1 (we play the load balancer), one
// trusts only another address (we are an ordinary client on the internet).
let behindProxy: Server;
let direct: Server;
let dualStack: Server;
let suffixTrusted: Server;
function serve(trustedProxies: string[], host = '127.0.0.1'): Promise<Server> {
  const mw = requireHttps({ trustedProxies, publicHost: 'tasks.example.com' });
  const server = createServer((req, res) => mw(req, res, () => { res.setHeader('Content-Type', 'application/json'); res.end('{"reached":true}'); }));
  return new Promise((r) => server.listen(0, host, () => r(server)));
}
beforeAll(async () => {
  behindProxy = await serve(['10.0.0.5', '::ffff:127.0.0.1']);
  direct = await serve(['10.0.0.5']);
  // Listening on '::', an IPv4 peer is reported as '::ffff:127.0.0.1'; the list names it plainly.
  dualStack = await serve(['127.0.0.1'], '::');
  // '27.0.0.1' is another machine whose address is a suffix of ours.
  suffixTrusted = await serve(['27.0.0.1', '0.0.1']);
});
afterAll(async () => {
  await Promise.all([behindProxy, direct, dualStack, suffixTrusted].map((s) => new Promise<void>((r) => s.close(() => r()))));
});

function call(server: Server, method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

it('from a trusted proxy, X-Forwarded-Proto: https passes, with HSTS', async () => {
  for (const proto of ['https', 'HTTPS', 'https, http']) {
    const res = await call(behindProxy, 'POST', '/tasks', { 'X-Forwarded-Proto': proto });
    expect(res.status, `X-Forwarded-Proto: ${proto}`).toBe(200);
    expect(res.body).toContain('reached');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  }
});

it('a trusted proxy reporting http gets a 308 redirect to the public host, path and query kept', async () => {
  const res = await call(behindProxy, 'GET', '/tasks?page=2&sort=-dueDate', { 'X-Forwarded-Proto': 'http, https', Host: 'evil.example.net' });
  expect(res.status).toBe(308);
  expect(res.headers.location, 'never redirect to the Host header the client chose').toBe('https://tasks.example.com/tasks?page=2&sort=-dueDate');
});

it('X-Forwarded-Proto from an untrusted client is ignored: GET is redirected, POST refused with HTTPS.REQUIRED', async () => {
  const get = await call(direct, 'GET', '/tasks', { 'X-Forwarded-Proto': 'https' });
  expect(get.status, 'a forged X-Forwarded-Proto must not count as HTTPS').toBe(308);
  expect(get.headers.location).toBe('https://tasks.example.com/tasks');
  const post = await call(direct, 'POST', '/tasks', { 'X-Forwarded-Proto': 'https' });
  expect(post.status).toBe(403);
  expect(JSON.parse(post.body)).toMatchObject({ code: 'HTTPS.REQUIRED' });
  expect(post.body).not.toContain('reached');
});

it('plain HTTP without any header: HEAD is redirected, DELETE refused, and no HSTS is sent over HTTP', async () => {
  const head = await call(direct, 'HEAD', '/health');
  expect(head.status).toBe(308);
  expect(head.headers['strict-transport-security']).toBeUndefined();
  const del = await call(behindProxy, 'DELETE', '/tasks/1');
  expect(del.status).toBe(403);
});

it('a trusted proxy listed as 127.0.0.1 is recognised when the socket reports ::ffff:127.0.0.1', async () => {
  const res = await call(dualStack, 'POST', '/tasks', { 'X-Forwarded-Proto': 'https' });
  expect(res.status, 'the peer ::ffff:127.0.0.1 is the trusted proxy 127.0.0.1').toBe(200);
});

it('only an exactly listed address is trusted: 27.0.0.1 in the list does not trust 127.0.0.1', async () => {
  const res = await call(suffixTrusted, 'POST', '/tasks', { 'X-Forwarded-Proto': 'https' });
  expect(res.status, 'X-Forwarded-Proto from 127.0.0.1, whose address merely ends like a trusted one').toBe(403);
});

it('a request over a TLS connection is secure without any header: next() runs and HSTS is set', () => {
  const req = new IncomingMessage(new TLSSocket(new Socket()));
  req.method = 'POST';
  req.url = '/tasks';
  const res = new ServerResponse(req);
  let reached = false;
  requireHttps({ trustedProxies: [], publicHost: 'tasks.example.com' })(req, res, () => { reached = true; });
  expect(reached, 'next() must be called for a TLS connection').toBe(true);
  expect(res.getHeader('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains');
});
