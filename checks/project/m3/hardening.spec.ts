// Milestone 3, hardening: security headers, one error format, body limits, health, OpenAPI.
import { beforeAll, describe, it } from 'vitest';
import { type Answer, call, contract, expectErrorFormat, expectStatus, type Member, readBody } from '../helpers/client.ts';
import { members } from '../helpers/members.ts';

let ada: Member;
beforeAll(() => {
  ({ ada } = members());
});

async function raw(path: string, body: string, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(`${process.env['PROJECT_URL']}${path}`, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
  const text = await readBody(response);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { method: 'POST', path, status: response.status, headers: response.headers, body: parsed, text };
}

describe('M3 hardening', () => {
  it('answers carry security headers: X-Content-Type-Options nosniff, X-Frame-Options or a CSP frame-ancestors, and no X-Powered-By', async () => {
    const answer = await call('GET', '/tasks', { token: ada.token });
    const h = answer.headers;
    const problems = [
      h.get('x-content-type-options') !== 'nosniff' && 'X-Content-Type-Options: nosniff',
      !h.get('x-frame-options') && !/frame-ancestors/.test(h.get('content-security-policy') ?? '') && 'X-Frame-Options (or CSP frame-ancestors)',
      h.get('x-powered-by') && `no X-Powered-By (it says "${h.get('x-powered-by')}")`,
    ].filter(Boolean);
    contract(problems.length === 0, `GET /tasks answered without ${problems.join(', ')}; the contract says every answer carries these (helmet sets them).`);
  });

  it('every error answer is JSON { statusCode, code, message } (unknown task, missing token, invalid body, unknown route)', async () => {
    expectErrorFormat(await call('GET', '/tasks/00000000-0000-4000-8000-000000000000', { token: ada.token }), 'GET /tasks/<unknown id>');
    expectErrorFormat(await call('GET', '/tasks'), 'GET /tasks without a token');
    expectErrorFormat(await call('POST', '/tasks', { token: ada.token, body: { title: 7 } }), 'POST /tasks { title: 7 }');
    expectErrorFormat(await call('GET', '/no-such-route', { token: ada.token }), 'GET /no-such-route');
  });

  it('a malformed JSON body answers 400 in the error format', async () => {
    const answer = await raw('/tasks', '{"title": ', { 'content-type': 'application/json', authorization: `Bearer ${ada.token}` });
    expectStatus(answer, 400, undefined, '(a body that is not valid JSON)');
    expectErrorFormat(answer, 'POST /tasks with malformed JSON');
  });

  it('a body larger than 100 kB answers 413 in the error format', async () => {
    const big = JSON.stringify({ title: 'Big', description: 'x'.repeat(120_000) });
    const answer = await raw('/tasks', big, { 'content-type': 'application/json', authorization: `Bearer ${ada.token}` });
    expectStatus(answer, 413, undefined, '(a 120 kB body)');
    expectErrorFormat(answer, 'POST /tasks with a 120 kB body');
  });

  it('GET /health answers 200 { status: "ok" } while the service and what it depends on work', async () => {
    const answer = await call('GET', '/health');
    expectStatus(answer, 200);
    contract(answer.body?.status === 'ok', `GET /health answered ${answer.text.slice(0, 200)}; the contract says { status: "ok", … }.`);
  });

  it('GET /openapi.json answers an OpenAPI 3 document describing /auth/login, /tasks and /tasks/{id}', async () => {
    const answer = await call('GET', '/openapi.json');
    expectStatus(answer, 200);
    const doc = answer.body ?? {};
    const paths = Object.keys(doc.paths ?? {});
    const missing = ['/auth/login', '/tasks', '/tasks/{id}'].filter((p) => !paths.includes(p));
    contract(typeof doc.openapi === 'string' && doc.openapi.startsWith('3.') && missing.length === 0, `GET /openapi.json has openapi "${doc.openapi}" and paths [${paths.join(', ')}]; the contract says an OpenAPI 3.x document with ${missing.join(', ') || 'those paths'}.`);
  });
});
