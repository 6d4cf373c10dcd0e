import { createServer, type Server } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfProtection, issueCsrfToken, securityHeaders } from '../src/presentation/http/browser-security.js';

// A tiny server: the two middlewares, then GET /csrf issues a token and anything else answers 200.
let server: Server;
let reached = 0;
beforeAll(() => {
  const chain = [securityHeaders(), csrfProtection()];
  server = createServer((req, res) => {
    res.setHeader('X-Powered-By', 'Express');
    let i = 0;
    const next = (error?: unknown) => {
      if (error) { res.statusCode = 500; res.end(String(error)); return; }
      const mw = chain[i++];
      if (mw) { mw(req, res, next); return; }
      reached += 1;
      if (req.url === '/csrf') {
        const token = issueCsrfToken(res);
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ token }));
        return;
      }
      res.setHeader('Content-Type', 'application/json');
      res.end('{"ok":true}');
    };
    next();
  });
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('securityHeaders', () => {
  it('sets the five security headers and removes X-Powered-By, on every response', async () => {
    for (const res of [await request(server).get('/tasks'), await request(server).post('/tasks').set('Cookie', 'session=abc')]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers['x-powered-by'], 'X-Powered-By tells attackers what to try').toBeUndefined();
    }
  });
});

describe('issueCsrfToken', () => {
  it('sets a random, URL-safe csrf cookie with SameSite=Strict and Secure, readable by the page', async () => {
    const tokens = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const res = await request(server).get('/csrf');
      const token = res.body.token as string;
      tokens.add(token);
      expect(token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
      const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('csrf='));
      expect(cookie, 'a Set-Cookie for csrf').toBeDefined();
      expect(cookie).toContain(`csrf=${token}`);
      expect(cookie).toMatch(/;\s*SameSite=Strict/i);
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie, 'the page must be able to read it').not.toMatch(/HttpOnly/i);
    }
    expect(tokens.size).toBe(5);
  });
});

describe('csrfProtection', () => {
  const token = 'Zm9yZ2UtbWUtaWYteW91LWNhbg';

  it('lets a state-changing request with a session cookie through when X-CSRF-Token matches the csrf cookie', async () => {
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      const res = await request(server)[method]('/tasks/1').set('Cookie', `session=s1; csrf=${token}`).set('X-CSRF-Token', token);
      expect(res.status, `${method.toUpperCase()} with the right token`).toBe(200);
    }
  });

  it('refuses POST, PUT, PATCH and DELETE with a session cookie but a missing or wrong token: 403 AUTH.CSRF, handler not reached', async () => {
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      const before = reached;
      const missing = await request(server)[method]('/tasks/1').set('Cookie', `session=s1; csrf=${token}`);
      const wrong = await request(server)[method]('/tasks/1').set('Cookie', `session=s1; csrf=${token}`).set('X-CSRF-Token', token.slice(0, -1) + 'x');
      const noCookie = await request(server)[method]('/tasks/1').set('Cookie', 'session=s1').set('X-CSRF-Token', token);
      for (const res of [missing, wrong, noCookie]) {
        expect(res.status, `${method.toUpperCase()} forged`).toBe(403);
        expect(res.body).toMatchObject({ code: 'AUTH.CSRF' });
      }
      expect(reached, `the ${method.toUpperCase()} handler must not run for a forged request`).toBe(before);
    }
  });

  it('lets safe methods and requests without a session cookie (Bearer clients) through', async () => {
    expect((await request(server).get('/tasks').set('Cookie', 'session=s1')).status).toBe(200);
    expect((await request(server).head('/tasks').set('Cookie', 'session=s1')).status).toBe(200);
    expect((await request(server).options('/tasks').set('Cookie', 'session=s1')).status, 'OPTIONS is a safe method').toBe(200);
    expect((await request(server).post('/tasks').set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig')).status).toBe(200);
  });

  it('refuses an empty X-CSRF-Token matched with an empty csrf cookie (403 AUTH.CSRF)', async () => {
    const before = reached;
    const res = await request(server).post('/tasks/1').set('Cookie', 'session=s1; csrf=').set('X-CSRF-Token', '');
    expect(res.status, 'an empty token is no token').toBe(403);
    expect(res.body).toMatchObject({ code: 'AUTH.CSRF' });
    expect(reached, 'the handler must not run').toBe(before);
  });
});
