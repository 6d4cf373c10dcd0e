import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sendJsonWithEtag } from '../src/presentation/http/etag.js';

let version = 1;
let server: Server;
beforeAll(async () => {
  server = createServer((req, res) => sendJsonWithEtag(req, res, { id: 't-1', title: `Version ${version}`, status: 'TODO' }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function get(headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/tasks/t-1', headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

it('a 200 carries the JSON with Content-Type: application/json; charset=utf-8, a quoted ETag and Cache-Control: private, no-cache', async () => {
  version = 1;
  const res = await get();
  expect(res.status).toBe(200);
  expect(JSON.parse(res.body)).toEqual({ id: 't-1', title: 'Version 1', status: 'TODO' });
  expect(res.headers.etag, 'an ETag is a quoted string, optionally W/-prefixed').toMatch(/^(W\/)?"[^"]+"$/);
  expect(res.headers['cache-control']).toBe('private, no-cache');
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
});

it('the same content always gets the same ETag; changed content a different one', async () => {
  version = 1;
  const a = await get();
  // Apart in time, so a tag made from the clock (Date.now(), an ISO time) cannot pass by luck.
  await new Promise((r) => setTimeout(r, 25));
  const b = await get();
  expect(a.headers.etag, 'two requests 25 ms apart for the same content').toBe(b.headers.etag);
  version = 2;
  expect((await get()).headers.etag).not.toBe(a.headers.etag);
});

it('If-None-Match with the current ETag answers 304 with no body, and still sends the ETag', async () => {
  version = 3;
  const { headers } = await get();
  const res = await get({ 'If-None-Match': headers.etag! });
  expect(res.status).toBe(304);
  expect(res.body).toBe('');
  expect(res.headers.etag).toBe(headers.etag);
  expect(res.headers['cache-control']).toBe('private, no-cache');
});

it('a list of tags, a weak form of the tag, and * all match; a stale tag gets the new body', async () => {
  version = 4;
  const tag = (await get()).headers.etag!;
  const opaque = tag.replace(/^W\//, '');
  expect((await get({ 'If-None-Match': `"stale-1", ${tag}, "stale-2"` })).status, 'tag inside a list').toBe(304);
  expect((await get({ 'If-None-Match': `W/${opaque}` })).status, 'weak form of the tag').toBe(304);
  expect((await get({ 'If-None-Match': '*' })).status).toBe(304);
  version = 5;
  const fresh = await get({ 'If-None-Match': tag });
  expect(fresh.status, 'the content changed since that tag').toBe(200);
  expect(JSON.parse(fresh.body).title).toBe('Version 5');
});

it('tags in a list match with or without spaces after the commas', async () => {
  version = 6;
  const tag = (await get()).headers.etag!;
  expect((await get({ 'If-None-Match': `"stale-1",${tag}` })).status, 'list written "a",b without a space').toBe(304);
  expect((await get({ 'If-None-Match': `"stale-1" ,  ${tag}` })).status, 'list with spaces around the comma').toBe(304);
});
