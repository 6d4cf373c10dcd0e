import { beforeEach, describe, expect, it } from 'vitest';
import { isDomainError } from '../../domain/shared/domain-error.js';
import { User } from '../../domain/user/user.entity.js';
import type { UserRepository } from '../../domain/user/user.repository.js';

/** One suite for every UserRepository adapter; `fresh` must return an empty repository. */
export function userRepositoryContract(name: string, fresh: () => Promise<UserRepository>): void {
  describe(`UserRepository contract: ${name}`, () => {
    let repo: UserRepository;
    beforeEach(async () => {
      repo = await fresh();
    });

    const ada = () =>
      User.create({ id: 'u-ada', email: 'Ada@Example.com', name: 'Ada', passwordHash: '$2b$04$hash', role: 'MENTOR', now: new Date('2026-01-01T00:00:00Z') });

    it('saves and finds a user by id and by email in any case', async () => {
      await repo.save(ada());
      expect((await repo.findById('u-ada'))?.props).toEqual(ada().props);
      expect((await repo.findByEmail('ADA@example.COM'))?.id).toBe('u-ada');
      expect(await repo.findById('u-nobody')).toBeNull();
      expect(await repo.findByEmail('nobody@example.com')).toBeNull();
    });

    it('save() updates an existing user', async () => {
      await repo.save(ada());
      await repo.save(User.restore({ ...ada().props, name: 'Ada L.' }));
      expect((await repo.findById('u-ada'))?.name).toBe('Ada L.');
    });

    it('refuses a second user with the same email with USER.EMAIL_TAKEN', async () => {
      await repo.save(ada());
      const twin = User.create({ email: 'ada@example.com', name: 'Twin', passwordHash: 'x' });
      const error = await repo.save(twin).then(() => undefined, (e: unknown) => e);
      expect(isDomainError(error, 'USER.EMAIL_TAKEN'), String(error)).toBe(true);
    });
  });
}
