import { DomainError } from '../shared/domain-error.js';
import { UserRole } from './user-role.js';

export interface UserProps {
  id: string;
  /** Stored lower-case, so lookups and the uniqueness rule ignore case. */
  email: string;
  name: string;
  role: UserRole;
  /** A bcrypt hash; the plain password never reaches the domain. */
  passwordHash: string;
  createdAt: Date;
}

export interface CreateUserProps {
  email: string;
  name: string;
  passwordHash: string;
  role?: UserRole | undefined;
  id?: string | undefined;
  now?: Date | undefined;
}

/** What may be shown about a user to others: everything but the password hash. */
export type PublicUser = Omit<UserProps, 'passwordHash'>;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const NAME_MAX_LENGTH = 100;

export class User {
  private constructor(private readonly state: UserProps) {}

  static create(input: CreateUserProps): User {
    const email = input.email.trim().toLowerCase();
    if (!EMAIL_PATTERN.test(email)) {
      throw new DomainError('USER.INVALID_EMAIL', `"${input.email}" is not an email address.`);
    }
    const name = input.name.trim();
    if (name.length === 0 || name.length > NAME_MAX_LENGTH) {
      throw new DomainError('USER.INVALID_NAME', `A name must have 1–${NAME_MAX_LENGTH} characters.`);
    }
    return new User({
      id: input.id ?? crypto.randomUUID(),
      email,
      name,
      role: input.role ?? UserRole.MEMBER,
      passwordHash: input.passwordHash,
      createdAt: input.now ?? new Date(),
    });
  }

  static restore(props: UserProps): User {
    return new User({ ...props });
  }

  get id(): string { return this.state.id; }
  get email(): string { return this.state.email; }
  get name(): string { return this.state.name; }
  get role(): UserRole { return this.state.role; }
  get passwordHash(): string { return this.state.passwordHash; }
  get createdAt(): Date { return this.state.createdAt; }

  get props(): UserProps {
    return { ...this.state };
  }

  /** Never serialises the password hash, even by accident (`JSON.stringify(user)`). */
  toJSON(): PublicUser {
    const { passwordHash: _hidden, ...visible } = this.state;
    return visible;
  }
}
