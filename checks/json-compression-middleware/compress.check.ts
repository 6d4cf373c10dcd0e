import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sendJson } from '../src/presentation/http/compress-json.js';

const big = { data: Array.from({ length: 100 }, (_, i) => ({ id: `task-${i}`, title: `Task number ${i}`, status: 'TODO', description: 'x'.repeat(50) })) };
const small = { ok: true };

let server: Server;
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.statusCode = url.pathname === '/created' ? 201 : 200;
    // /sized?chars=N&char=C sends {"p":"CCC…"}: 8 bytes of JSON around N copies of C.
    if (url.pathname === '/sized') {
      const body = { p: (url.searchParams.get('char') ?? 'x').repeat(Number(url.searchParams.get('chars'))) };
      const threshold = url.searchParams.get('threshold');
      sendJson(req, res, body, threshold === null ? undefined : { threshold: Number(threshold) });
      return;
    }
    sendJson(req, res, url.pathname === '/small' ? small : big);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** Sends a request with exactly this Accept-Encoding (plain node:http, so nothing is decoded for us). */
function get(path: string, acceptEncoding?: string): Promise<{ status: number; headers: IncomingHttpHeaders; raw: Buffer }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

it('a large body is sent with brotli when the client accepts br, and decodes to the JSON', async () => {
  const res = await get('/', 'gzip, deflate, br');
  expect(res.headers['content-encoding']).toBe('br');
  expect(JSON.parse(brotliDecompressSync(res.raw).toString())).toEqual(big);
  expect(Number(res.headers['content-length']), 'Content-Length is the compressed size').toBe(res.raw.length);
  expect(res.raw.length, 'compressed bytes vs JSON bytes').toBeLessThan(JSON.stringify(big).length / 4);
});

it('gzip is used when brotli is not accepted, and the status code is kept', async () => {
  const res = await get('/created', 'gzip');
  expect(res.status).toBe(201);
  expect(res.headers['content-encoding']).toBe('gzip');
  expect(JSON.parse(gunzipSync(res.raw).toString())).toEqual(big);
});

it('q=0 refuses an encoding, and * stands for the encodings not named', async () => {
  const noBr = await get('/', 'br;q=0, gzip;q=0.5');
  expect(noBr.headers['content-encoding']).toBe('gzip');
  const none = await get('/', 'gzip;q=0, br;q=0');
  expect(none.headers['content-encoding'], 'both refused: send it as it is').toBeUndefined();
  expect(JSON.parse(none.raw.toString())).toEqual(big);
  const star = await get('/', '*');
  expect(['br', 'gzip']).toContain(star.headers['content-encoding']);
  const starButNotBr = await get('/', '*, br;q=0');
  expect(starButNotBr.headers['content-encoding']).toBe('gzip');
});

it('without Accept-Encoding, or for a small body, the JSON is sent as it is', async () => {
  const plain = await get('/');
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(JSON.parse(plain.raw.toString())).toEqual(big);
  const tiny = await get('/small', 'br, gzip');
  expect(tiny.headers['content-encoding'], 'a body under the threshold is not compressed').toBeUndefined();
  expect(JSON.parse(tiny.raw.toString())).toEqual(small);
  expect(tiny.headers['content-type']).toMatch(/^application\/json/);
});

it('every response says Vary: Accept-Encoding, compressed or not', async () => {
  for (const [path, enc] of [['/', 'br'], ['/', undefined], ['/small', 'gzip']] as const) {
    const res = await get(path, enc);
    expect(String(res.headers['vary'] ?? ''), `Vary for ${path} with Accept-Encoding ${enc ?? '(none)'}`).toMatch(/accept-encoding/i);
  }
});

it('a body of exactly the threshold (1024 bytes) is compressed; 1023 bytes are not', async () => {
  const at = await get('/sized?chars=1016', 'gzip');
  expect(at.headers['content-encoding'], 'a 1024-byte JSON body: "smaller than the threshold" is not met').toBe('gzip');
  expect(JSON.parse(gunzipSync(at.raw).toString()).p).toHaveLength(1016);
  const below = await get('/sized?chars=1015', 'gzip');
  expect(below.headers['content-encoding'], 'a 1023-byte JSON body').toBeUndefined();
  expect(Number(below.headers['content-length'])).toBe(1023);
});

it('the threshold counts bytes, not characters: 600 × "é" (1208 bytes) is compressed', async () => {
  const res = await get('/sized?chars=600&char=%C3%A9', 'gzip');
  expect(res.headers['content-encoding'], 'a JSON body of 608 characters but 1208 UTF-8 bytes').toBe('gzip');
  expect(JSON.parse(gunzipSync(res.raw).toString()).p).toBe('é'.repeat(600));
});

it('options.threshold replaces the default: with threshold 10, a 20-byte body is compressed', async () => {
  const res = await get('/sized?chars=12&threshold=10', 'gzip');
  expect(res.headers['content-encoding']).toBe('gzip');
  const high = await get('/sized?chars=1500&threshold=4096', 'gzip');
  expect(high.headers['content-encoding'], 'a 1508-byte body under a 4096-byte threshold').toBeUndefined();
});

it('brotli wins whenever it is acceptable, whatever the q-values; q=0.000 is still q=0', async () => {
  const res = await get('/', 'gzip;q=1, br;q=0.1');
  expect(res.headers['content-encoding'], 'br is accepted (q=0.1), so brotli is used').toBe('br');
  const zero = await get('/', 'br;q=0.000, gzip');
  expect(zero.headers['content-encoding'], 'br;q=0.000 refuses brotli').toBe('gzip');
});
