import { HttpException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../test/fixtures/application-harness.js';
import type { ServiceConfig } from '../../config.js';
import { isDomainError } from '../../domain/shared/domain-error.js';
import type { Actor } from '../../domain/user/actor.js';
import { AuthRateLimitGuard, Roles, RolesGuard } from './auth.guards.js';

function httpContext(request: object, handler: () => void = () => undefined) {
  const headers: Record<string, string | number> = {};
  const context = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({ setHeader: (k: string, v: string | number) => (headers[k] = v) }) }),
    getHandler: () => handler,
    getClass: () => class {},
  } as unknown as ExecutionContext;
  return { context, headers };
}

describe('AuthRateLimitGuard', () => {
  it('allows the limit per address per minute, then 429 with Retry-After, and resets after the window', () => {
    const clock = new ManualClock();
    const guard = new AuthRateLimitGuard({ authRateLimit: 3 } as ServiceConfig, clock);
    const { context, headers } = httpContext({ ip: '10.0.0.1' });
    for (let i = 0; i < 3; i++) expect(guard.canActivate(context)).toBe(true);
    clock.advance(20_000);
    const blocked = (() => {
      try {
        guard.canActivate(context);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(blocked).toBeInstanceOf(HttpException);
    expect((blocked as HttpException).getStatus()).toBe(429);
    expect(headers['Retry-After']).toBe(40);
    expect(guard.canActivate(httpContext({ ip: '10.0.0.2' }).context), 'another address has its own budget').toBe(true);
    clock.advance(40_000);
    expect(guard.canActivate(context)).toBe(true);
  });
});

describe('RolesGuard', () => {
  const mentorOnly = () => undefined;
  Roles('MENTOR', 'ADMIN')(mentorOnly, 'x', { value: mentorOnly });
  const guard = new RolesGuard(new Reflector());
  const as = (actor?: Actor) => httpContext({ actor }, mentorOnly).context;

  it('lets the listed roles through and refuses others with AUTH.FORBIDDEN', () => {
    expect(guard.canActivate(as({ id: 'm', role: 'MENTOR' }))).toBe(true);
    let error: unknown;
    try {
      guard.canActivate(as({ id: 'u', role: 'MEMBER' }));
    } catch (e) {
      error = e;
    }
    expect(isDomainError(error, 'AUTH.FORBIDDEN')).toBe(true);
  });

  it('does nothing on routes without @Roles', () => {
    expect(guard.canActivate(httpContext({}, () => undefined).context)).toBe(true);
  });
});
