import type { Actor } from '../../domain/user/actor.js';

/** Issues and checks access tokens (JWT HS256 in the adapter). */
export interface TokenService {
  /** A signed token that identifies `actor` until it expires. */
  sign(actor: Actor): string;
  /** The actor behind a valid token; throws DomainError AUTH.INVALID_TOKEN otherwise. */
  verify(token: string): Actor;
}

export const TOKEN_SERVICE = Symbol('TOKEN_SERVICE');
