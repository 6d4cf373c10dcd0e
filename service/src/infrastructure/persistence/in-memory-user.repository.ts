import { DomainError } from '../../domain/shared/domain-error.js';
import { User } from '../../domain/user/user.entity.js';
import type { UserRepository } from '../../domain/user/user.repository.js';

/** Users in a Map, with the same unique-email rule as the database. */
export class InMemoryUserRepository implements UserRepository {
  private readonly rows = new Map<string, User>();

  async findById(id: string): Promise<User | null> {
    const row = this.rows.get(id);
    return row ? User.restore(row.props) : null;
  }

  async findByEmail(email: string): Promise<User | null> {
    const wanted = email.toLowerCase();
    for (const user of this.rows.values()) if (user.email === wanted) return User.restore(user.props);
    return null;
  }

  async save(user: User): Promise<void> {
    const sameEmail = await this.findByEmail(user.email);
    if (sameEmail && sameEmail.id !== user.id) {
      throw new DomainError('USER.EMAIL_TAKEN', `An account for ${user.email} already exists.`);
    }
    this.rows.set(user.id, User.restore(user.props));
  }
}
