import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Optional,
  SetMetadata,
  createParamDecorator,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CLOCK, type Clock } from '../../application/ports/clock.port.js';
import { TOKEN_SERVICE, type TokenService } from '../../application/ports/token-service.port.js';
import { confirmActor } from '../../application/auth/confirm-actor.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import type { Actor } from '../../domain/user/actor.js';
import type { UserRole } from '../../domain/user/user-role.js';
import { USER_REPOSITORY, type UserRepository } from '../../domain/user/user.repository.js';
import { CONFIG, type ServiceConfig } from '../../config.js';
import type { HttpRequest, HttpResponse } from './http-types.js';

/** Requires `Authorization: Bearer <token>`; puts the actor on the request, confirmed against the users table. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
    // Optional so the guard can be tested with tokens alone; the application always provides it
    // (test/auth.e2e.spec.ts proves a role the database contradicts is refused there).
    @Optional() @Inject(USER_REPOSITORY) private readonly users?: UserRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const header = request.headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) {
      throw new DomainError('AUTH.INVALID_TOKEN', 'Send an access token: Authorization: Bearer <token> (from POST /auth/login).');
    }
    let claimed;
    try {
      claimed = this.tokens.verify(match[1]);
    } catch {
      return false;
    }
    request.actor = this.users ? await confirmActor(this.users, claimed) : claimed;
    return true;
  }
}

/** The authenticated user, in a controller: `@CurrentActor() actor: Actor`. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<HttpRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without JwtAuthGuard.');
  return actor;
});

const ROLES_KEY = 'roles';
/** Restricts a route to these roles (after JwtAuthGuard). */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES_KEY, roles);

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles || roles.length === 0) return true;
    const actor = context.switchToHttp().getRequest<HttpRequest>().actor;
    if (actor && roles.includes(actor.role)) return true;
    throw new DomainError('AUTH.FORBIDDEN', `This needs one of the roles ${roles.join(', ')}.`);
  }
}

/**
 * A fixed one-minute window per client address on /auth/*: slows password guessing. It lives in
 * memory, so with several instances each has its own budget (a Redis counter would share it).
 */
@Injectable()
export class AuthRateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private static readonly WINDOW_MS = 60_000;

  constructor(
    @Inject(CONFIG) private readonly config: ServiceConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const client = http.getRequest<HttpRequest>().ip ?? 'unknown';
    const now = this.clock.now().getTime();
    this.forgetOldWindows(now);
    let window = this.windows.get(client);
    if (!window || now - window.start >= AuthRateLimitGuard.WINDOW_MS) {
      window = { start: now, count: 0 };
      this.windows.set(client, window);
    }
    window.count += 1;
    if (window.count <= this.config.authRateLimit) return true;
    const retryAfter = Math.ceil((window.start + AuthRateLimitGuard.WINDOW_MS - now) / 1000);
    http.getResponse<HttpResponse>().setHeader('Retry-After', retryAfter);
    throw new HttpException(
      { code: 'AUTH.RATE_LIMITED', message: `Too many requests to /auth; try again in ${retryAfter} s.` },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  private forgetOldWindows(now: number): void {
    if (this.windows.size < 10_000) return;
    for (const [client, window] of this.windows) {
      if (now - window.start >= AuthRateLimitGuard.WINDOW_MS) this.windows.delete(client);
    }
  }
}
