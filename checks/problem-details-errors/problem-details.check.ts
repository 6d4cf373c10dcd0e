import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toProblem } from '../src/api/problem-details.js';
import { DomainError } from '../src/domain/shared/domain-error.js';
import { httpStatusForDomainCode } from '../src/presentation/http/error-status.js';

const ctx = { instance: '/tasks/42', requestId: 'req-7f3a' };
const BASE = 'https://docs.tasks.example.com/problems/';

describe('toProblem', () => {
  it('maps a domain error to its status, type URI, title, detail and code', () => {
    const p = toProblem(new DomainError('TASK.NOT_FOUND', 'Task 42 does not exist'), ctx);
    expect(p).toEqual({
      type: `${BASE}task/not-found`, title: 'Not Found', status: 404, detail: 'Task 42 does not exist',
      instance: '/tasks/42', requestId: 'req-7f3a', code: 'TASK.NOT_FOUND',
    });
  });

  it('uses the service’s status for each domain code and the matching title', () => {
    const titles: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 422: 'Unprocessable Content' };
    for (const code of ['TASK.ALREADY_COMPLETED', 'TASK.FORBIDDEN', 'AUTH.INVALID_TOKEN', 'TASK.INVALID_TITLE', 'PROJECT.NOT_FOUND', 'TASK.LIMIT_REACHED']) {
      const p = toProblem(new DomainError(code, `broken rule ${code}`), ctx);
      expect(p.status, code).toBe(httpStatusForDomainCode(code));
      expect(p.title, code).toBe(titles[p.status]);
      expect(p.code).toBe(code);
    }
    expect(toProblem(new DomainError('TASK.ALREADY_COMPLETED', 'x'), ctx).type).toBe(`${BASE}task/already-completed`);
  });

  it('the type URI replaces every "." and every "_" of the code, not only the first', () => {
    expect(toProblem(new DomainError('TASK.CANNOT_ASSIGN_COMPLETED', 'x'), ctx).type).toBe(`${BASE}task/cannot-assign-completed`);
    expect(toProblem(new DomainError('BILLING.CARD.DECLINED', 'x'), ctx).type).toBe(`${BASE}billing/card/declined`);
  });

  it('lists every validation issue with its field path', () => {
    const schema = z.object({ title: z.string().min(3), items: z.array(z.object({ name: z.string() })) });
    const result = schema.safeParse({ title: 'x', items: [{ name: 'ok' }, { name: 5 }] });
    if (result.success) throw new Error('the fixture must be invalid');
    const p = toProblem(result.error, ctx);
    expect(p).toMatchObject({ status: 400, title: 'Bad Request', type: `${BASE}validation/failed`, code: 'VALIDATION.FAILED', instance: '/tasks/42', requestId: 'req-7f3a' });
    expect(p.errors?.map((e) => e.field).sort()).toEqual(['items.1.name', 'title']);
    for (const e of p.errors ?? []) expect(e.message.length).toBeGreaterThan(0);
    const root = z.string().safeParse(42);
    if (root.success) throw new Error('the fixture must be invalid');
    expect(toProblem(root.error, ctx).errors?.[0]?.field).toBe('(root)');
  });

  it('answers 500 for unexpected errors without leaking their message, but with the request id', () => {
    const leak = new Error('duplicate key value violates unique constraint "User_email_key" (email)=(ann@example.com)');
    const p = toProblem(leak, ctx);
    expect(p).toMatchObject({ type: 'about:blank', title: 'Internal Server Error', status: 500, instance: '/tasks/42', requestId: 'req-7f3a' });
    const body = JSON.stringify(p);
    expect(body).not.toContain('ann@example.com');
    expect(body).not.toContain('constraint');
    expect(body, 'no stack trace').not.toMatch(/\\n\s+at |\n\s+at /);
    expect(p.detail).toContain('req-7f3a');
    expect(p.code).toBeUndefined();
  });

  it('handles thrown values that are not errors', () => {
    expect(toProblem('a string was thrown', ctx)).toMatchObject({ status: 500, type: 'about:blank' });
    expect(JSON.stringify(toProblem({ secret: 'hunter2' }, ctx))).not.toContain('hunter2');
  });
});
