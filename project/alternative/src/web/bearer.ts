import { type CanActivate, createParamDecorator, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { problems } from '../core/problem.js';
import { CONTEXT, type Context } from './context.js';
import type { Req } from './http-types.js';

/** Lets a request through only with `Authorization: Bearer <a token we signed>`; records the caller. */
@Injectable()
export class BearerGuard implements CanActivate {
  constructor(@Inject(CONTEXT) private readonly ctx: Context) {}

  canActivate(execution: ExecutionContext): boolean {
    const req = execution.switchToHttp().getRequest<Req>();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1])
      throw problems.unauthenticated('Send Authorization: Bearer <accessToken> (from POST /auth/login).');
    const userId = this.ctx.tokens.verify(match[1]);
    if (!userId) throw problems.unauthenticated('The access token is invalid or expired; log in again.');
    req.userId = userId;
    return true;
  }
}

/** The id of the authenticated caller (set by BearerGuard). */
export const Caller = createParamDecorator((_: unknown, execution: ExecutionContext): string => {
  const userId = execution.switchToHttp().getRequest<Req>().userId;
  if (!userId) throw problems.unauthenticated('This route needs a bearer token.');
  return userId;
});
