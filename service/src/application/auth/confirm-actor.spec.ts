import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../domain/shared/domain-error.js';
import { User } from '../../domain/user/user.entity.js';
import { InMemoryUserRepository } from '../../infrastructure/persistence/in-memory-user.repository.js';
import { confirmActor } from './confirm-actor.js';

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    return isDomainError(error, 'AUTH.INVALID_TOKEN') ? error.message : `unexpected: ${String(error)}`;
  }
};

describe('confirmActor', () => {
  it('accepts the claim only when the user exists with exactly that role', async () => {
    const users = new InMemoryUserRepository();
    const user = User.create({ id: 'u-1', email: 'ann@example.com', name: 'Ann', role: 'MEMBER', passwordHash: 'x' });
    await users.save(user);
    expect(await confirmActor(users, { id: 'u-1', role: 'MEMBER' })).toEqual({ id: 'u-1', role: 'MEMBER' });
    expect(await refusal(confirmActor(users, { id: 'u-1', role: 'ADMIN' }))).toMatch(/says role ADMIN, but your role is now MEMBER/);
    expect(await refusal(confirmActor(users, { id: 'u-2', role: 'MEMBER' }))).toMatch(/no longer exists/);
  });
});
