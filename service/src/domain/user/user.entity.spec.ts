import { describe, expect, it } from 'vitest';
import { isDomainError } from '../shared/domain-error.js';
import { User } from './user.entity.js';
import { isUserRole, UserRole } from './user-role.js';

const valid = { email: ' Ada@Example.COM ', name: ' Ada ', passwordHash: 'hash' };

function errorOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('User', () => {
  it('normalises email and name and defaults to MEMBER', () => {
    const user = User.create(valid);
    expect(user.email).toBe('ada@example.com');
    expect(user.name).toBe('Ada');
    expect(user.role).toBe(UserRole.MEMBER);
  });

  it('rejects a malformed email and an empty name', () => {
    expect(isDomainError(errorOf(() => User.create({ ...valid, email: 'ada' })), 'USER.INVALID_EMAIL')).toBe(true);
    expect(isDomainError(errorOf(() => User.create({ ...valid, name: '  ' })), 'USER.INVALID_NAME')).toBe(true);
  });

  it('never serialises the password hash', () => {
    const user = User.create({ ...valid, role: UserRole.MENTOR });
    expect(JSON.stringify(user)).not.toContain('hash');
    expect(User.restore(user.props).passwordHash).toBe('hash');
  });

  it('recognises roles', () => {
    expect(isUserRole('ADMIN')).toBe(true);
    expect(isUserRole('ROOT')).toBe(false);
  });
});
