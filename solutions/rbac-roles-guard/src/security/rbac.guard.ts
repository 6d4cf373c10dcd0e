import { ForbiddenException, Inject, Injectable, SetMetadata, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor } from '../domain/user/actor.js';
import { UserRole } from '../domain/user/user-role.js';

export const ROLES_KEY = 'rbac:roles';

/** Declares the roles allowed to call a handler or every handler of a controller. */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES_KEY, roles);

/** Higher ranks include the permissions of lower ones. */
const RANK: Record<UserRole, number> = { [UserRole.MEMBER]: 0, [UserRole.MENTOR]: 1, [UserRole.ADMIN]: 2 };

const rankOf = (role: unknown): number | undefined =>
  typeof role === 'string' && Object.hasOwn(RANK, role) ? RANK[role as UserRole] : undefined;

/** Enforces @Roles with the MEMBER < MENTOR < ADMIN hierarchy. */
@Injectable()
export class RbacGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!required || required.length === 0) return true;

    const { user } = context.switchToHttp().getRequest<{ user?: Actor }>();
    if (!user) throw new UnauthorizedException('Sign in first: this route requires an authenticated user');

    const needed = Math.min(...required.map((r) => rankOf(r) ?? Number.POSITIVE_INFINITY));
    const actual = rankOf(user.role);
    if (actual === undefined || actual < needed) {
      throw new ForbiddenException(`Requires role ${required.join(' or ')}; you are ${String(user.role)}`);
    }
    return true;
  }
}
