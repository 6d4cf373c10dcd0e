import { Controller, Get, type INestApplication } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RbacGuard, Roles } from '../src/security/rbac.guard.js';

// Decorators are applied as plain calls so this file needs no decorator syntax support.
type Method = (...args: unknown[]) => unknown;
function route(target: { prototype: object }, name: string, ...decorators: MethodDecorator[]) {
  const descriptor = Object.getOwnPropertyDescriptor(target.prototype, name) as TypedPropertyDescriptor<Method>;
  for (const decorate of decorators.reverse()) decorate(target.prototype, name, descriptor);
}

class TasksController {
  open() {
    return { ok: 'open' };
  }
  reassign() {
    return { ok: 'reassign' };
  }
  memberOnly() {
    return { ok: 'member' };
  }
  escalate() {
    return { ok: 'escalate' };
  }
}
Controller('tasks')(TasksController);
route(TasksController, 'open', Get('open'));
route(TasksController, 'reassign', Get('reassign'), Roles('MENTOR'));
route(TasksController, 'memberOnly', Get('member-only'), Roles('MEMBER'));
// The lowest listed role is not the first one: "the first" and "the highest" both refuse mentors here.
route(TasksController, 'escalate', Get('escalate'), Roles('ADMIN', 'MENTOR'));

class AdminController {
  users() {
    return { ok: 'users' };
  }
  stats() {
    return { ok: 'stats' };
  }
}
route(AdminController, 'users', Get('users'));
route(AdminController, 'stats', Get('stats'), Roles('MENTOR'));
Roles('ADMIN')(AdminController);
Controller('admin')(AdminController);

// The other direction of "a handler's @Roles replaces its controller's": here the handler asks for more.
class ReportsController {
  summary() {
    return { ok: 'summary' };
  }
  purge() {
    return { ok: 'purge' };
  }
}
route(ReportsController, 'summary', Get('summary'));
route(ReportsController, 'purge', Get('purge'), Roles('ADMIN'));
Roles('MEMBER')(ReportsController);
Controller('reports')(ReportsController);

let app: INestApplication;
let base: string;

beforeAll(async () => {
  const moduleRef = await Test.createTestingModule({
    controllers: [TasksController, AdminController, ReportsController],
    providers: [{ provide: APP_GUARD, useClass: RbacGuard }],
  }).compile();
  app = moduleRef.createNestApplication({ logger: false });
  // Stand-in for the authentication middleware: "x-user: <id>:<role>" becomes request.user.
  app.use((req: { headers: Record<string, string | undefined>; user?: unknown }, _res: unknown, next: () => void) => {
    const header = req.headers['x-user'];
    if (header) {
      const [id, role] = header.split(':');
      req.user = { id, role };
    }
    next();
  });
  await app.listen(0, '127.0.0.1');
  base = await app.getUrl();
});

afterAll(async () => {
  await app?.close();
});

const call = async (path: string, user?: string) => {
  const res = await fetch(`${base.replace('[::1]', '127.0.0.1')}${path}`, { headers: user ? { 'x-user': user } : {} });
  return { status: res.status, body: (await res.json()) as { message?: string } };
};

describe('RbacGuard', () => {
  it('lets anyone through a route without @Roles', async () => {
    expect((await call('/tasks/open')).status).toBe(200);
    expect((await call('/tasks/open', 'u1:MEMBER')).status).toBe(200);
  });

  it('answers 401 when a protected route is called without a user', async () => {
    expect((await call('/tasks/reassign')).status).toBe(401);
  });

  it('answers 403 naming the required role when the user ranks too low', async () => {
    const res = await call('/tasks/reassign', 'u1:MEMBER');
    expect(res.status).toBe(403);
    expect(res.body.message, 'the 403 message should name the role that is required').toMatch(/MENTOR/);
  });

  it('admits the listed role and every higher role (MEMBER < MENTOR < ADMIN)', async () => {
    expect((await call('/tasks/reassign', 'u2:MENTOR')).status).toBe(200);
    expect((await call('/tasks/reassign', 'u3:ADMIN')).status).toBe(200);
    expect((await call('/tasks/member-only', 'u3:ADMIN')).status).toBe(200);
    expect((await call('/tasks/member-only', 'u1:MEMBER')).status).toBe(200);
  });

  it("applies a controller's @Roles to handlers that declare none", async () => {
    expect((await call('/admin/users', 'u2:MENTOR')).status).toBe(403);
    expect((await call('/admin/users', 'u3:ADMIN')).status).toBe(200);
  });

  it("lets a handler's @Roles replace its controller's", async () => {
    expect((await call('/admin/stats', 'u2:MENTOR')).status).toBe(200);
    expect((await call('/admin/stats', 'u1:MEMBER')).status).toBe(403);
  });

  it('refuses a role it does not know', async () => {
    expect((await call('/tasks/member-only', 'u9:SUPERUSER')).status).toBe(403);
  });

  it('with several listed roles, admits from the lowest one up (@Roles(ADMIN, MENTOR) admits mentors)', async () => {
    expect((await call('/tasks/escalate', 'u2:MENTOR')).status, 'MENTOR is the lowest listed role').toBe(200);
    expect((await call('/tasks/escalate', 'u3:ADMIN')).status).toBe(200);
    expect((await call('/tasks/escalate', 'u1:MEMBER')).status).toBe(403);
  });

  it("a handler's stricter @Roles replaces its controller's looser one (not merged)", async () => {
    expect((await call('/reports/purge', 'u2:MENTOR')).status, 'the handler asks for ADMIN; the controller\'s MEMBER must not count').toBe(403);
    expect((await call('/reports/purge', 'u3:ADMIN')).status).toBe(200);
    expect((await call('/reports/summary', 'u1:MEMBER')).status).toBe(200);
  });

  it("answers 401 (not 403) without a user on a route protected by its controller's @Roles", async () => {
    expect((await call('/admin/users')).status).toBe(401);
  });

  it('names the required role of a controller-level @Roles in the 403 message', async () => {
    const res = await call('/admin/users', 'u1:MEMBER');
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/ADMIN/);
  });
});
