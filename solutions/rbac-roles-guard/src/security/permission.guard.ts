import { Inject, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../domain/shared/domain-error.js';
import type { Actor } from '../domain/user/actor.js';
import { UserRole } from '../domain/user/user-role.js';

export type Permission = 'task:read' | 'task:create' | 'task:update' | 'task:delete' | 'audit:read' | 'user:manage';

/** What each role may do. A role is a name for a set of permissions; code asks about permissions. */
export const GRANTS: Record<UserRole, readonly Permission[]> = {
  [UserRole.MEMBER]: ['task:read', 'task:create', 'task:update'],
  [UserRole.MENTOR]: ['task:read', 'task:create', 'task:update', 'task:delete', 'audit:read'],
  [UserRole.ADMIN]: ['task:read', 'task:create', 'task:update', 'task:delete', 'audit:read', 'user:manage'],
};

export const PERMISSIONS_KEY = 'auth:permissions';
export const PUBLIC_KEY = 'auth:public';

/** The route needs every one of these permissions. */
export const RequirePermissions = (...permissions: Permission[]) => SetMetadata(PERMISSIONS_KEY, permissions);
/** The route is open to anyone, signed in or not: the only way to opt out of the guard. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Whether the actor's role grants `permission`; an unknown role grants nothing. */
export function can(actor: Actor, permission: Permission): boolean {
  const grants = Object.hasOwn(GRANTS, actor.role) ? GRANTS[actor.role] : [];
  return grants.includes(permission);
}

/** Denies by default: a route must declare @RequirePermissions(...) or @Public(), or nobody gets in. */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    const controller = context.getClass();
    // The handler's own declaration, of either kind, wins over its controller's.
    const declaration = this.declarationOf(handler) ?? this.declarationOf(controller);
    if (declaration === 'public') return true;
    if (declaration === undefined || declaration.length === 0) {
      throw new DomainError(
        'AUTH.NO_PERMISSION_DECLARED',
        `${controller.name}.${handler.name} declares no permission; add @RequirePermissions(...) or @Public().`,
      );
    }
    const actor = context.switchToHttp().getRequest<{ actor?: Actor }>().actor;
    if (actor === undefined) throw new DomainError('AUTH.UNAUTHENTICATED', 'Sign in first: this route needs an authenticated user.');
    const missing = declaration.filter((permission) => !can(actor, permission));
    if (missing.length > 0) {
      throw new DomainError('AUTH.FORBIDDEN', `This needs the permission ${missing.join(' and ')}; your role ${String(actor.role)} lacks it.`);
    }
    return true;
  }

  private declarationOf(target: Function): 'public' | Permission[] | undefined {
    if (this.reflector.get<boolean | undefined>(PUBLIC_KEY, target) === true) return 'public';
    return this.reflector.get<Permission[] | undefined>(PERMISSIONS_KEY, target);
  }
}
