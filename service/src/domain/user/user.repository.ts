import type { User } from './user.entity.js';

export interface UserRepository {
  findById(id: string): Promise<User | null>;
  /** Case-insensitive: emails are stored lower-case. */
  findByEmail(email: string): Promise<User | null>;
  save(user: User): Promise<void>;
}

/** Injection token: `@Inject(USER_REPOSITORY) users: UserRepository`. */
export const USER_REPOSITORY = Symbol('USER_REPOSITORY');
