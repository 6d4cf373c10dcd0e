import { DomainError } from '../../domain/shared/domain-error.js';
import { User } from '../../domain/user/user.entity.js';
import type { UserRepository } from '../../domain/user/user.repository.js';
import { Prisma, type PrismaClient, type User as UserRow } from '../../generated/prisma/client.js';

/** Users in PostgreSQL (or PGlite) through Prisma; the unique index on email is the final guard. */
export class PrismaUserRepository implements UserRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async findById(id: string): Promise<User | null> {
    const row = await this.prisma.user.findUnique({ where: { id } });
    return row ? userFromRow(row) : null;
  }

  async findByEmail(email: string): Promise<User | null> {
    const row = await this.prisma.user.findUnique({ where: { email: email.toLowerCase() } });
    return row ? userFromRow(row) : null;
  }

  async save(user: User): Promise<void> {
    const { id, ...data } = user.props;
    try {
      await this.prisma.user.upsert({ where: { id }, create: { id, ...data }, update: data });
    } catch (error) {
      // P2002: unique constraint; two registrations for one email raced past the handler's check.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new DomainError('USER.EMAIL_TAKEN', `An account for ${user.email} already exists.`);
      }
      throw error;
    }
  }
}

function userFromRow(row: UserRow): User {
  return User.restore({ ...row });
}
