import { DomainError } from '../../domain/shared/domain-error.js';
import type { Actor } from '../../domain/user/actor.js';
import type { UserRepository } from '../../domain/user/user.repository.js';

/**
 * The actor a valid token names, as the database knows it now. A token is a claim frozen at login:
 * a user deleted or demoted since then still holds a signed "ADMIN" for up to 15 minutes, so the
 * role is trusted only when the user still exists with exactly that role.
 */
export async function confirmActor(users: UserRepository, claimed: Actor): Promise<Actor> {
  const user = await users.findById(claimed.id);
  if (!user) throw new DomainError('AUTH.INVALID_TOKEN', 'The access token names a user that no longer exists; log in again.');
  if (user.role !== claimed.role) {
    throw new DomainError('AUTH.INVALID_TOKEN', `The access token says role ${claimed.role}, but your role is now ${user.role}; log in again.`);
  }
  return claimed;
}
