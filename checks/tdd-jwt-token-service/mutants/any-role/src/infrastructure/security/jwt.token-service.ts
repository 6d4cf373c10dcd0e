import jwt from 'jsonwebtoken';
import type { TokenService } from '../../application/ports/token-service.port.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import type { Actor } from '../../domain/user/actor.js';
import { isUserRole } from '../../domain/user/user-role.js';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

/** HS256 JSON Web Tokens: `sub` is the user id, `role` the role, valid for 15 minutes. */
export class JwtTokenService implements TokenService {
  constructor(
    private readonly secret: string,
    private readonly ttlSeconds = ACCESS_TOKEN_TTL_SECONDS,
  ) {
    if (secret.length < 16) throw new Error('JWT secret must have at least 16 characters.');
  }

  sign(actor: Actor): string {
    return jwt.sign({ role: actor.role }, this.secret, {
      algorithm: 'HS256',
      subject: actor.id,
      expiresIn: this.ttlSeconds,
    });
  }

  verify(token: string): Actor {
    let payload: string | jwt.JwtPayload;
    try {
      // Pinning the algorithm stops a token signed with "none" or another algorithm from passing.
      payload = jwt.verify(token, this.secret, { algorithms: ['HS256'] });
    } catch (error) {
      const reason = error instanceof jwt.TokenExpiredError ? 'has expired' : 'is not valid';
      throw new DomainError('AUTH.INVALID_TOKEN', `The access token ${reason}; log in again.`);
    }
    if (typeof payload === 'string' || typeof payload.sub !== 'string' || typeof payload['role'] !== 'string') {
      throw new DomainError('AUTH.INVALID_TOKEN', 'The access token does not name a user and role.');
    }
    // jsonwebtoken accepts a token without `exp` as valid forever; ours always carry one.
    if (typeof payload.exp !== 'number') {
      throw new DomainError('AUTH.INVALID_TOKEN', 'The access token has no expiry (exp), so it is not one this service issued; log in again.');
    }
    return { id: payload.sub, role: payload['role'] };
  }
}
