import { Controller, Get, NotFoundException, Param, Post, type INestApplication } from '@nestjs/common';
import { APP_INTERCEPTOR, Reflector } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_LOG, type AuditEntry, type AuditLog } from '../src/application/ports/audit-log.port.js';
import { CLOCK, type Clock } from '../src/application/ports/clock.port.js';
import { AUDITED_KEY, AuditLogInterceptor, Audited } from '../src/observability/audit-log.interceptor.js';

class RecordingAuditLog implements AuditLog {
  entries: AuditEntry[] = [];
  failNext = false;
  async record(entry: AuditEntry): Promise<void> {
    // A real store answers later: an entry that is not awaited lands after the response has gone out.
    await new Promise((r) => setTimeout(r, 5));
    if (this.failNext) {
      this.failNext = false;
      throw new Error('audit store is down');
    }
    this.entries.push(entry);
  }
  async recent(limit: number): Promise<AuditEntry[]> {
    return this.entries.slice(-limit).reverse();
  }
}

const ARRIVAL = new Date('2026-03-02T10:00:00Z');
// The clock moves while the handler runs, so "taken on arrival" and "taken afterwards" differ.
let nowMs = ARRIVAL.getTime();
const clock: Clock = { now: () => new Date(nowMs) };
const audit = new RecordingAuditLog();

// Decorators are applied as plain calls so this file needs no decorator syntax support.
type Method = (...args: unknown[]) => unknown;
function route(target: { prototype: object }, name: string, ...decorators: MethodDecorator[]) {
  const descriptor = Object.getOwnPropertyDescriptor(target.prototype, name) as TypedPropertyDescriptor<Method>;
  for (const decorate of decorators.reverse()) decorate(target.prototype, name, descriptor);
}

class TasksController {
  list() {
    return [{ id: '42' }];
  }
  async complete(id: string) {
    await new Promise((r) => setTimeout(r, 5));
    nowMs += 90_000;
    // By the time the handler returns, nothing may have been recorded yet.
    return { id, status: 'COMPLETED', auditedBeforeReturn: audit.entries.length };
  }
  remove(id: string) {
    throw new NotFoundException(`task ${id} not found`);
  }
  crash() {
    nowMs += 90_000;
    throw new Error('boom');
  }
}
Controller('tasks')(TasksController);
route(TasksController, 'list', Get());
route(TasksController, 'complete', Post(':id/complete'), Audited('task.completed'));
Param('id')(TasksController.prototype, 'complete', 0);
route(TasksController, 'remove', Post(':id/delete'), Audited('task.deleted'));
Param('id')(TasksController.prototype, 'remove', 0);
route(TasksController, 'crash', Get('crash'), Audited('task.crashed'));

let app: INestApplication;
const storedWhenSent: number[] = [];
let base: string;

beforeAll(async () => {
  const moduleRef = await Test.createTestingModule({
    controllers: [TasksController],
    providers: [
      { provide: APP_INTERCEPTOR, useClass: AuditLogInterceptor },
      { provide: AUDIT_LOG, useValue: audit },
      { provide: CLOCK, useValue: clock },
    ],
  }).compile();
  app = moduleRef.createNestApplication({ logger: false });
  app.use((req: { headers: Record<string, string | undefined>; user?: unknown }, res: { end: (...args: unknown[]) => unknown }, next: () => void) => {
    const id = req.headers['x-user-id'];
    if (id) req.user = { id, role: 'MEMBER' };
    // Note how many entries were stored at the moment the response is sent (not when the client reads it).
    const end = res.end;
    res.end = function (this: unknown, ...args: unknown[]) {
      storedWhenSent.push(audit.entries.length);
      return end.apply(this, args);
    };
    next();
  });
  await app.listen(0, '127.0.0.1');
  base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
});

afterAll(async () => {
  await app?.close();
});

beforeEach(() => {
  storedWhenSent.length = 0;
  nowMs = ARRIVAL.getTime();
  audit.entries = [];
  audit.failNext = false;
});

const call = async (method: string, path: string, userId?: string) => {
  const res = await fetch(`${base}${path}`, { method, headers: userId ? { 'x-user-id': userId } : {} });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('AuditLogInterceptor', () => {
  it('records one success entry with actor, action, subject and arrival time for an @Audited route', async () => {
    const res = await call('POST', '/tasks/42/complete?notify=false', 'u7');
    expect(res.status).toBe(201);
    expect(audit.entries).toHaveLength(1);
    const entry = audit.entries[0]!;
    expect(entry).toMatchObject({ action: 'task.completed', actorId: 'u7', subject: 'POST /tasks/42/complete' });
    expect(new Date(entry.at).toISOString()).toBe(ARRIVAL.toISOString());
    expect(entry.data).toMatchObject({ outcome: 'success' });
  });

  it('leaves the response body unchanged and records only after the handler has finished', async () => {
    const res = await call('POST', '/tasks/9/complete', 'u1');
    expect(res.body).toEqual({ id: '9', status: 'COMPLETED', auditedBeforeReturn: 0 });
  });

  it('does not record routes without @Audited', async () => {
    const res = await call('GET', '/tasks', 'u7');
    expect(res.status).toBe(200);
    expect(audit.entries).toEqual([]);
  });

  it('records a failure with the HTTP status and still answers with the original error', async () => {
    const res = await call('POST', '/tasks/404/delete', 'u7');
    expect(res.status, 'the client must still get the 404').toBe(404);
    expect(res.body.message, 'the client must still get the original error message').toBe('task 404 not found');
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({ action: 'task.deleted', subject: 'POST /tasks/404/delete' });
    expect(audit.entries[0]!.data).toMatchObject({ outcome: 'failure', status: 404 });
  });

  it('records status 500 for an unexpected error', async () => {
    const res = await call('GET', '/tasks/crash', 'u7');
    expect(res.status).toBe(500);
    expect(audit.entries[0]!.data).toMatchObject({ outcome: 'failure', status: 500 });
  });

  it('takes `at` when the request arrives, not when the handler has finished (success and failure)', async () => {
    await call('POST', '/tasks/3/complete', 'u7');
    expect(new Date(audit.entries[0]!.at).toISOString(), 'success entry: the clock moved while the handler ran').toBe(ARRIVAL.toISOString());
    nowMs = ARRIVAL.getTime();
    await call('GET', '/tasks/crash', 'u7');
    expect(new Date(audit.entries[1]!.at).toISOString(), 'failure entry: the clock moved while the handler ran').toBe(ARRIVAL.toISOString());
  });

  it('has written the entry before the response is sent (record is awaited)', async () => {
    await call('POST', '/tasks/8/complete', 'u7');
    await call('POST', '/tasks/8/delete', 'u7');
    expect(storedWhenSent, 'entries stored when each response was sent: success, then failure').toEqual([1, 2]);
  });

  it('Audited(action) stores the action under AUDITED_KEY', () => {
    expect(new Reflector().get(AUDITED_KEY, TasksController.prototype.complete)).toBe('task.completed');
  });

  it("uses 'anonymous' when no user is signed in", async () => {
    await call('POST', '/tasks/1/complete');
    expect(audit.entries[0]!.actorId).toBe('anonymous');
  });

  it('still answers normally when the audit store fails', async () => {
    audit.failNext = true;
    const res = await call('POST', '/tasks/5/complete', 'u7');
    expect(res.status, 'a broken audit store must not break the request').toBe(201);
    expect(res.body).toMatchObject({ id: '5', status: 'COMPLETED' });
  });

  it('answers with the original error when the audit store fails while the handler fails too', async () => {
    audit.failNext = true;
    const res = await call('POST', '/tasks/404/delete', 'u7');
    expect(res.status, 'the audit failure must not replace the handler error').toBe(404);
    expect(res.body.message).toBe('task 404 not found');
  });
});
