import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import request from 'supertest';
import { afterEach, expect, it, vi } from 'vitest';
import { csrfProtection, issueCsrfToken } from '../src/presentation/http/browser-security.js';

// The learner's module sees this node:crypto: the real one, with timingSafeEqual watched.
const watched = vi.hoisted(() => ({ calls: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  const timingSafeEqual: typeof actual.timingSafeEqual = (a, b) => {
    watched.calls += 1;
    return actual.timingSafeEqual(a, b);
  };
  return { ...actual, timingSafeEqual, default: { ...actual, timingSafeEqual } };
});
afterEach(() => { watched.calls = 0; });

it('the X-CSRF-Token header and the csrf cookie are compared in constant time (crypto.timingSafeEqual)', async () => {
  const protect = csrfProtection();
  const server = createServer((req, res) => protect(req, res, () => res.end('ok')));
  const token = 'Zm9yZ2UtbWUtaWYteW91LWNhbg';
  const res = await request(server).post('/tasks/1').set('Cookie', `session=s1; csrf=${token}`).set('X-CSRF-Token', token);
  expect(res.status).toBe(200);
  expect(watched.calls, 'calls to timingSafeEqual while checking a matching token (=== leaks how many characters matched)').toBeGreaterThan(0);
});

it('issueCsrfToken gives at least 128 random bits: over 2000 tokens, the characters that vary carry >= 128 bits', () => {
  const tokens: string[] = [];
  for (let i = 0; i < 2000; i++) tokens.push(issueCsrfToken(new ServerResponse(new IncomingMessage(new Socket()))));
  // Bits per position = log2(distinct characters seen there); a fixed character (a UUID's dashes
  // and version digit) adds nothing. 2000 samples see all 64 base64url characters almost surely.
  const longest = Math.max(...tokens.map((t) => t.length));
  let bits = 0;
  for (let pos = 0; pos < longest; pos++) {
    const seen = new Set(tokens.map((t) => t[pos] ?? ''));
    bits += Math.log2(seen.size);
  }
  expect(Math.round(bits), `estimated random bits in a token like "${tokens[0]}"`).toBeGreaterThanOrEqual(128);
});
