import { Catch, Controller, Get, HttpException, type ArgumentsHost, type ExceptionFilter, type ExecutionContext, type INestApplication } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, Reflector } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../src/domain/shared/domain-error.js';
import { UserRole } from '../src/domain/user/user-role.js';
import { httpStatusForDomainCode } from '../src/presentation/http/error-status.js';
import { can, PermissionGuard, Public, RequirePermissions } from '../src/security/permission.guard.js';

// Decorators are applied as plain calls so this file needs no decorator syntax support.
type Method = (...args: unknown[]) => unknown;
function route(target: { prototype: object }, name: string, ...decorators: MethodDecorator[]) {
  const descriptor = Object.getOwnPropertyDescriptor(target.prototype, name) as TypedPropertyDescriptor<Method>;
  for (const decorate of decorators.reverse()) decorate(target.prototype, name, descriptor);
}
/** Gives a controller class handler methods, each named as its key and answering { ok: name }. */
function handlers(target: { prototype: object }, ...names: string[]) {
  for (const name of names) {
    const method = { [name]: () => ({ ok: name }) }[name];
    Object.defineProperty(target.prototype, name, { value: method, writable: true, configurable: true });
  }
}

class TasksController {}
handlers(TasksController, 'list', 'remove', 'archive', 'nothing', 'review');
Controller('tasks')(TasksController);
route(TasksController, 'list', Get('list'), RequirePermissions('task:read'));
route(TasksController, 'remove', Get('remove'), RequirePermissions('task:delete'));
route(TasksController, 'archive', Get('archive')); // forgot to declare anything
route(TasksController, 'nothing', Get('nothing'), RequirePermissions()); // declared, but no permission in it
route(TasksController, 'review', Get('review'), RequirePermissions('task:read', 'audit:read'));

class AdminController {}
handlers(AdminController, 'users', 'health', 'tasks');
route(AdminController, 'users', Get('users'));
route(AdminController, 'health', Get('health'), Public());
route(AdminController, 'tasks', Get('tasks'), RequirePermissions('task:read'));
RequirePermissions('user:manage')(AdminController);
Controller('admin')(AdminController);

class DocsController {}
handlers(DocsController, 'index', 'drafts');
route(DocsController, 'index', Get('index'));
route(DocsController, 'drafts', Get('drafts'), RequirePermissions('task:update'));
Public()(DocsController);
Controller('docs')(DocsController);

/** Reports a DomainError as its code and the status the service would give it; anything else as 500 "NOT_A_DOMAIN_ERROR". */
class CodeFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<{ status(n: number): { json(b: unknown): void } }>();
    if (error instanceof DomainError) res.status(httpStatusForDomainCode(error.code)).json({ code: error.code, message: error.message });
    else res.status(500).json({ code: error instanceof HttpException ? 'HTTP_EXCEPTION' : 'NOT_A_DOMAIN_ERROR', message: String(error) });
  }
}

Catch()(CodeFilter);

let app: INestApplication;
let base: string;

beforeAll(async () => {
  const moduleRef = await Test.createTestingModule({
    controllers: [TasksController, AdminController, DocsController],
    providers: [
      { provide: APP_GUARD, useClass: PermissionGuard },
      { provide: APP_FILTER, useClass: CodeFilter },
    ],
  }).compile();
  app = moduleRef.createNestApplication({ logger: false });
  // Stand-in for JwtAuthGuard: "x-user: <id>:<role>" becomes request.actor.
  app.use((req: { headers: Record<string, string | undefined>; actor?: unknown }, _res: unknown, next: () => void) => {
    const header = req.headers['x-user'];
    if (header) {
      const [id, role] = header.split(':');
      req.actor = { id, role };
    }
    next();
  });
  await app.listen(0, '127.0.0.1');
  base = await app.getUrl();
});
afterAll(() => app?.close());

async function call(path: string, role?: string) {
  const res = await fetch(`${base.replace('[::1]', '127.0.0.1')}${path}`, { headers: role ? { 'x-user': `u-1:${role}` } : {} });
  return { status: res.status, body: (await res.json()) as { ok?: string; code?: string; message?: string } };
}

describe('permission guard', () => {
  it('a route without any declaration is refused with AUTH.NO_PERMISSION_DECLARED, naming the handler', async () => {
    const res = await call('/tasks/archive', 'ADMIN');
    expect(res.body.code, 'deny by default: even an admin is refused on an undeclared route').toBe('AUTH.NO_PERMISSION_DECLARED');
    expect(res.body.message, 'the message says which handler forgot its declaration').toMatch(/archive/);
  });

  it('an empty @RequirePermissions() is refused as undeclared', async () => {
    expect((await call('/tasks/nothing', 'ADMIN')).body.code).toBe('AUTH.NO_PERMISSION_DECLARED');
  });

  it('a member may list tasks but not delete them: AUTH.FORBIDDEN (403), naming the missing permission', async () => {
    expect(await call('/tasks/list', 'MEMBER')).toMatchObject({ status: 200, body: { ok: 'list' } });
    const refused = await call('/tasks/remove', 'MEMBER');
    expect(refused).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
    expect(refused.body.message).toContain('task:delete');
    expect(await call('/tasks/remove', 'MENTOR')).toMatchObject({ status: 200, body: { ok: 'remove' } });
  });

  it('every listed permission is required, not just one of them', async () => {
    const refused = await call('/tasks/review', 'MEMBER');
    expect(refused.body.code, 'a member has task:read but not audit:read').toBe('AUTH.FORBIDDEN');
    expect(refused.body.message).toContain('audit:read');
    expect(await call('/tasks/review', 'MENTOR')).toMatchObject({ status: 200, body: { ok: 'review' } });
  });

  it('without an actor a protected route answers AUTH.UNAUTHENTICATED (401)', async () => {
    expect(await call('/tasks/list')).toMatchObject({ status: 401, body: { code: 'AUTH.UNAUTHENTICATED' } });
  });

  it('a controller declaration applies to its handlers, and a handler declaration replaces it', async () => {
    expect((await call('/admin/users', 'MENTOR')).body.code, "the controller's user:manage applies to users()").toBe('AUTH.FORBIDDEN');
    expect(await call('/admin/users', 'ADMIN')).toMatchObject({ status: 200, body: { ok: 'users' } });
    expect(await call('/admin/tasks', 'MEMBER'), "tasks() needs task:read only: it replaces the controller's user:manage").toMatchObject({ status: 200, body: { ok: 'tasks' } });
  });

  it('@Public() routes need no actor, on a handler or on a whole controller', async () => {
    expect(await call('/admin/health')).toMatchObject({ status: 200, body: { ok: 'health' } });
    expect(await call('/docs/index')).toMatchObject({ status: 200, body: { ok: 'index' } });
  });

  it('a handler that requires permissions is not public, even in a @Public() controller', async () => {
    expect((await call('/docs/drafts')).body.code).toBe('AUTH.UNAUTHENTICATED');
    expect(await call('/docs/drafts', 'MEMBER')).toMatchObject({ status: 200, body: { ok: 'drafts' } });
  });

  it('an unknown role is refused with AUTH.FORBIDDEN, not a crash', async () => {
    expect(await call('/tasks/list', 'INTERN')).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
  });

  it('a refusal is a DomainError with a code, never an HTTP exception', () => {
    const guard = new PermissionGuard(new Reflector());
    const context = {
      getHandler: () => (TasksController.prototype as Record<string, unknown>)['remove'],
      getClass: () => TasksController,
      switchToHttp: () => ({ getRequest: () => ({ actor: { id: 'u-1', role: UserRole.MEMBER } }) }),
    } as unknown as ExecutionContext;
    let thrown: unknown;
    try {
      guard.canActivate(context);
    } catch (error) {
      thrown = error;
    }
    expect(thrown, 'the guard must throw for a member on remove()').toBeInstanceOf(DomainError);
    expect(thrown).not.toBeInstanceOf(HttpException);
    expect((thrown as DomainError).code).toBe('AUTH.FORBIDDEN');
  });

  it('can(actor, permission) follows the grants table', () => {
    const as = (role: string) => ({ id: 'u-1', role }) as Parameters<typeof can>[0];
    expect(can(as('ADMIN'), 'user:manage')).toBe(true);
    expect(can(as('MENTOR'), 'user:manage')).toBe(false);
    expect(can(as('MENTOR'), 'audit:read')).toBe(true);
    expect(can(as('MEMBER'), 'audit:read')).toBe(false);
    expect(can(as('MEMBER'), 'task:update')).toBe(true);
    expect(can(as('toString'), 'task:read'), 'a role name that is not a key of the table').toBe(false);
  });
});
