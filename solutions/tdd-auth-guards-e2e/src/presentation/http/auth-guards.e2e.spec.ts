import { Controller, Delete, Get, UseGuards, type INestApplication } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_SERVICE } from '../../application/ports/token-service.port.js';
import type { Actor } from '../../domain/user/actor.js';
import { JwtTokenService } from '../../infrastructure/security/jwt.token-service.js';
import { CurrentActor, JwtAuthGuard, Roles, RolesGuard } from './auth.guards.js';
import { ErrorFilter } from './error.filter.js';

@Controller('tasks')
@UseGuards(JwtAuthGuard, RolesGuard)
class TasksController {
  @Get('mine')
  mine(@CurrentActor() actor: Actor) {
    return { id: actor.id };
  }

  @Delete(':id')
  @Roles('ADMIN')
  remove() {
    return { deleted: true };
  }
}

@Controller('reports')
@UseGuards(JwtAuthGuard, RolesGuard)
@Roles('MENTOR', 'ADMIN')
class ReportsController {
  @Get()
  list() {
    return [];
  }
}

const tokens = new JwtTokenService('e2e-secret-that-is-long-enough!!');
const member = tokens.sign({ id: 'ann', role: 'MEMBER' });
const mentor = tokens.sign({ id: 'meg', role: 'MENTOR' });
const admin = tokens.sign({ id: 'ada', role: 'ADMIN' });

let app: INestApplication;
let base: string;

beforeAll(async () => {
  const moduleRef = await Test.createTestingModule({
    controllers: [TasksController, ReportsController],
    providers: [
      { provide: TOKEN_SERVICE, useValue: tokens },
      { provide: APP_FILTER, useClass: ErrorFilter },
    ],
  }).compile();
  app = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
});

afterAll(async () => {
  await app?.close();
});

/** One HTTP request; `authorization` is the raw header value (omit it to send none). */
async function call(method: string, path: string, authorization?: string) {
  const res = await fetch(`${base}${path}`, { method, headers: authorization ? { authorization } : {} });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('auth guards over HTTP', () => {
  it('lets a signed-in member read their own tasks', async () => {
    const res = await call('GET', '/tasks/mine', `Bearer ${member}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 'ann' });
  });

  it('answers 401 AUTH.INVALID_TOKEN without a token, with a forged one, and without the Bearer scheme', async () => {
    for (const header of [undefined, 'Bearer not-a-real-token', member, `Basic ${member}`]) {
      const res = await call('GET', '/tasks/mine', header);
      expect(res.status, `Authorization: ${header ?? '(none)'}`).toBe(401);
      expect(res.body['code']).toBe('AUTH.INVALID_TOKEN');
    }
  });

  it('answers 403 AUTH.FORBIDDEN when the role does not match a handler @Roles, and 200 when it does', async () => {
    const denied = await call('DELETE', '/tasks/t1', `Bearer ${mentor}`);
    expect(denied.status).toBe(403);
    expect(denied.body['code']).toBe('AUTH.FORBIDDEN');
    expect((await call('DELETE', '/tasks/t1', `Bearer ${admin}`)).status).toBe(200);
  });

  it('applies a controller @Roles to its handlers', async () => {
    const denied = await call('GET', '/reports', `Bearer ${member}`);
    expect(denied.status).toBe(403);
    expect(denied.body['code']).toBe('AUTH.FORBIDDEN');
    expect((await call('GET', '/reports', `Bearer ${mentor}`)).status).toBe(200);
    expect((await call('GET', '/reports', `Bearer ${admin}`)).status).toBe(200);
  });
});
