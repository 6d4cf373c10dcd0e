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
void [mentor, admin]; // for the tests you add

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

  // TODO: what must be refused, and with which status and code?
});
