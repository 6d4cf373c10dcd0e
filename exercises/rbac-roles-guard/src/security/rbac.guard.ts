import { ForbiddenException, Inject, Injectable, SetMetadata, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor } from '../domain/user/actor.js';
import { UserRole } from '../domain/user/user-role.js';

export const ROLES_KEY = 'rbac:roles';

/** Declares the roles allowed to call a handler or every handler of a controller. */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES_KEY, roles);

/** Enforces @Roles with the MEMBER < MENTOR < ADMIN hierarchy. */
@Injectable()
export class RbacGuard implements CanActivate {
  // TODO: receive Nest's Reflector here (remember @Inject(Reflector) on the parameter).

  canActivate(context: ExecutionContext): boolean {
    void [ForbiddenException, UnauthorizedException, Inject, Reflector, UserRole];
    const request = context.switchToHttp().getRequest<{ user?: Actor }>();
    throw new Error(`Not implemented: RbacGuard.canActivate (user ${request.user?.id ?? 'none'})`);
  }
}
