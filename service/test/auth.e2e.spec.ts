import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket, http, signUp, startService, startServiceOnPostgres, TEST_JWT_SECRET, type RunningService } from './fixtures/e2e.js';

let service: RunningService;
// The default set-up of `npm run service`: embedded PGlite, in-memory cache, in-process queue.
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

describe('POST /auth/register and /auth/login', () => {
  it('registers a member (201, no password hash) and rejects the same email again (409)', async () => {
    const body = { email: 'Ada@Example.com', name: 'Ada', password: 'long enough pw' };
    const first = await http(service.url, 'POST', '/auth/register', { body });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ email: 'ada@example.com', name: 'Ada', role: 'MEMBER' });
    expect(JSON.stringify(first.body)).not.toMatch(/password|\$2[aby]\$/);
    const again = await http(service.url, 'POST', '/auth/register', { body: { ...body, email: 'ada@example.com' } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'USER.EMAIL_TAKEN' });
  });

  it('answers 400 VALIDATION.FAILED naming each bad field', async () => {
    const result = await http(service.url, 'POST', '/auth/register', { body: { email: 'nope', name: '', password: 'short', role: 'ADMIN' } });
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('VALIDATION.FAILED');
    const paths = result.body.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'name', 'password']));
    expect(result.body.message).toMatch(/role/); // unknown keys are refused: no self-promotion to ADMIN
  });

  it('logs in with an HS256 token that expires in 15 minutes', async () => {
    const user = await signUp(service, 'lin');
    const header = jwt.decode(user.token, { complete: true });
    expect(header?.header.alg).toBe('HS256');
    const payload = header?.payload as jwt.JwtPayload;
    expect(payload.sub).toBe(user.id);
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(15 * 60);
  });

  it('refuses a wrong password and an unknown email with the same 401', async () => {
    const user = await signUp(service, 'wrong');
    const wrong = await http(service.url, 'POST', '/auth/login', { body: { email: user.email, password: 'not the password' } });
    const unknown = await http(service.url, 'POST', '/auth/login', { body: { email: 'ghost@example.com', password: 'whatever1' } });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('AUTH.INVALID_CREDENTIALS');
  });
});

describe('access tokens on /tasks', () => {
  it.each([
    ['no token', undefined],
    ['a malformed token', 'not-a-jwt'],
    ['a token signed with another secret', jwt.sign({ role: 'ADMIN' }, 'another-secret-another-secret-xx', { subject: 'x' })],
    ['an expired token', jwt.sign({ role: 'MEMBER' }, TEST_JWT_SECRET, { subject: 'x', expiresIn: -10 })],
    ['a token with algorithm none', jwt.sign({ role: 'ADMIN' }, '', { subject: 'x', algorithm: 'none' })],
  ])('answers 401 AUTH.INVALID_TOKEN for %s', async (_label, token) => {
    const result = await http(service.url, 'GET', '/tasks', token === undefined ? {} : { token });
    expect(result.status).toBe(401);
    expect(result.body.code).toBe('AUTH.INVALID_TOKEN');
  });
});

describe('tokens the database contradicts', () => {
  const forge = (sub: string, role: string, options: jwt.SignOptions = { expiresIn: 600 }) => jwt.sign({ role }, TEST_JWT_SECRET, { subject: sub, ...options });

  it('refuses a role claim the users table contradicts, and a user that no longer exists', async () => {
    const member = await signUp(service, 'claims-mentor');
    expect((await http(service.url, 'GET', '/audit', { token: member.token })).status).toBe(403);
    // Same user, signed by the service's own key, but claiming a role the database does not give it
    // (e.g. a token issued before a demotion).
    const promoted = await http(service.url, 'GET', '/audit', { token: forge(member.id, 'MENTOR') });
    expect(promoted.status).toBe(401);
    expect(promoted.body).toMatchObject({ code: 'AUTH.INVALID_TOKEN', message: expect.stringContaining('your role is now MEMBER') });
    const ghost = await http(service.url, 'GET', '/tasks', { token: forge('00000000-0000-4000-8000-000000000000', 'ADMIN') });
    expect(ghost.status).toBe(401);
    expect(ghost.body.message).toContain('no longer exists');
    const mentor = await signUp(service, 'real-mentor', 'MENTOR');
    expect((await http(service.url, 'GET', '/audit', { token: mentor.token })).status).toBe(200);
  });

  it('refuses a validly signed token without exp', async () => {
    const member = await signUp(service, 'no-exp');
    const result = await http(service.url, 'GET', '/tasks', { token: forge(member.id, 'MEMBER', {}) });
    expect(result.status).toBe(401);
    expect(result.body.message).toContain('no expiry');
  });

  it('refuses a WebSocket whose token claims a role the database contradicts', async () => {
    const member = await signUp(service, 'socket-claims');
    await expect(connectSocket(service.url, forge(member.id, 'ADMIN'))).rejects.toThrow(/Unauthorized/);
    const honest = await connectSocket(service.url, member.token);
    honest.disconnect();
  });
});

describe('security headers and documents', () => {
  it('sends helmet’s headers and no X-Powered-By', async () => {
    const result = await http(service.url, 'GET', '/health');
    expect(result.headers.get('x-content-type-options')).toBe('nosniff');
    expect(result.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(result.headers.get('x-powered-by')).toBeNull();
  });

  it('serves an OpenAPI 3.1 document listing every route', async () => {
    const result = await http(service.url, 'GET', '/openapi.json');
    expect(result.status).toBe(200);
    expect(result.body.openapi).toBe('3.1.0');
    expect(Object.keys(result.body.paths)).toEqual(
      expect.arrayContaining(['/auth/register', '/auth/login', '/tasks', '/tasks/{id}', '/tasks/{id}/assign', '/tasks/{id}/complete', '/tasks/stats', '/health']),
    );
    expect(result.body.components.schemas.CreateTaskRequest.properties.title.type).toBe('string');
  });
});

describe('rate limit on /auth/*', () => {
  it('answers 429 with Retry-After past 10 requests a minute, and other routes still work', async () => {
    const limited = await startServiceOnPostgres('ratelimit', { AUTH_RATE_LIMIT: '10' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        statuses.push((await http(limited.url, 'POST', '/auth/login', { body: { email: 'x@example.com', password: 'whatever1' } })).status);
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses.slice(10)).toEqual([429, 429]);
      const blocked = await http(limited.url, 'POST', '/auth/register', { body: {} });
      expect(blocked.status).toBe(429);
      expect(blocked.body.code).toBe('AUTH.RATE_LIMITED');
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await http(limited.url, 'GET', '/health')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
